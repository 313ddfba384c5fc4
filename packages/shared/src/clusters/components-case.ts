/**
 * Component categories are snake_case on the wire (`multi_tenant`) and camelCase in the
 * Cluster resource and the Nautes CLI's file (`multiTenant`).
 */
import {
  COMPONENT_CATEGORIES,
  type Component,
  type ComponentCategory,
  type ComponentsList,
} from './components';

export function categoryToCamel(category: ComponentCategory): string {
  return category.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export function categoryFromCamel(key: string): ComponentCategory | undefined {
  return COMPONENT_CATEGORIES.find((category) => categoryToCamel(category) === key);
}

function copyComponent(component: Component): Component {
  const out: Component = { name: component.name, namespace: component.namespace };
  if (component.additions !== undefined && Object.keys(component.additions).length > 0) {
    out.additions = { ...component.additions };
  }
  return out;
}

/** `componentsList` of a resource -> `components_list`; unknown categories are dropped. */
export function componentsFromResource(resource: Record<string, Component>): ComponentsList {
  const out: ComponentsList = {};
  for (const [key, component] of Object.entries(resource)) {
    const category = categoryFromCamel(key);
    if (category !== undefined) out[category] = copyComponent(component);
  }
  return out;
}

/** `components_list` -> a resource's `componentsList`, absent categories left out. */
export function componentsToResource(components: ComponentsList): Record<string, Component> {
  const out: Record<string, Component> = {};
  for (const category of COMPONENT_CATEGORIES) {
    const component = components[category];
    if (component != null) out[categoryToCamel(category)] = copyComponent(component);
  }
  return out;
}
