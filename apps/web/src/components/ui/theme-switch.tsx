import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTheme, isTheme, storedTheme, THEMES, type Theme } from '../../lib/theme';

/** The header's light/dark switch: System (the default), Light, Dark; remembered. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <div className="theme-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('common.theme')}
      </label>
      <select
        id={id}
        className="select select-compact"
        value={theme}
        onChange={(event) => {
          if (!isTheme(event.target.value)) return;
          chooseTheme(event.target.value);
          setTheme(event.target.value);
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`common.themes.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
