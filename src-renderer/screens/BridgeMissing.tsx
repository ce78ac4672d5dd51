import { ru } from '../i18n/ru';

/** Without the preload there is no main to ask for the language: Russian, the till's default. */
export function BridgeMissing() {
  return (
    <main className="fatal" role="alert">
      <h1>{ru.appTitle}</h1>
      <p>{ru.bridgeMissing}</p>
    </main>
  );
}
