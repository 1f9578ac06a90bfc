import { useShallow } from 'zustand/react/shallow';
import { textIn } from '../engine';
import { LOCALES, useT, type Locale } from '../i18n';
import { useLessonStore, type Theme } from '../store';
import { LessonToolbar } from './lazyPanels';
import { EditNetworkButton } from './editor/NetworkPanelContext';
import { DigitsControl } from './controls/DigitsControl';
import { AboutLesson } from './AboutLesson';
import { PresentButton } from './present/presenter';
import './header.css';
import './toolButton.css';
import './files/files.css'; // the lesson toolbar's (lazyPart)

const THEMES: Theme[] = ['light', 'dark', 'projector'];
const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

/** Title, the lesson's title, language and theme. */
export function Header() {
  const t = useT();
  const { locale, setLocale, theme, setTheme, title } = useLessonStore(
    useShallow((s) => ({
      locale: s.locale,
      setLocale: s.setLocale,
      theme: s.theme,
      setTheme: s.setTheme,
      title: s.lesson.title,
    })),
  );
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        {title && <p className="lesson-title">{textIn(title, locale)}</p>}
        <AboutLesson />
      </div>
      <LessonToolbar />
      <div className="header-tools">
        <PresentButton />
        <EditNetworkButton />
        <label>
          <span className="sr-only">{t('app.language')}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <DigitsControl />
        <label>
          <span className="sr-only">{t('app.theme')}</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`app.theme.${th}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
