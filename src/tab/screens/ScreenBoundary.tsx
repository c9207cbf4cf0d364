/**
 * One error boundary per screen: whatever a screen's render throws (an API answer of
 * an unexpected shape, a bug), the screen is replaced by a message in the current
 * language with a retry, never a blank page; the rest of the tab keeps working.
 * "Prøv igen" mounts the screen afresh (it loads its data again).
 */
import { Component, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Texts } from '../i18n.js';

type Props = { t: Texts; screen: string; id?: string; children: ReactNode };
type State = { error: Error | null; attempt: number };

export class ScreenBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { t, screen, id, children } = this.props;
    const { error, attempt } = this.state;
    return (
      <div data-screen={screen} data-id={id}>
        {error ? (
          <div data-error-boundary={screen}>
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.tb.screenError}</MessageBarTitle>
                {t.tb.screenErrorBody}
                <div><small>{t.tb.technical}: {error.message}</small></div>
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => this.setState({ error: null, attempt: attempt + 1 })}>{t.tb.retry}</Button>
              </MessageBarActions>
            </MessageBar>
          </div>
        ) : (
          <div key={attempt}>{children}</div>
        )}
      </div>
    );
  }
}
