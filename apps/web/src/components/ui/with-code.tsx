/**
 * Shows a translated sentence with one value (a cluster name) set in code type, without
 * react-i18next's <Trans> and its HTML parser in the initial download.
 */
export function WithCode({ text, code }: { text: string; code: string }) {
  if (!code || !text.includes(code)) return <>{text}</>;
  const parts = text.split(code);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 ? <code>{code}</code> : null}
        </span>
      ))}
    </>
  );
}
