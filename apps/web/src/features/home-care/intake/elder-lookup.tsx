import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { Button, Input, Tag, type InputRef } from 'antd';
import type { ElderListItem } from '@kangyang/contracts/elder';
import { useApi } from '../../../shared/api/api-context.tsx';
import { errorText } from '../../../shared/api/error-text.ts';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { fetchElderPage, type ElderListRequest } from '../../elders/api/elders-api.ts';
import { parseSearchTerm } from '../../elders/components/search-term.ts';

type Lookup =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'results'; items: ElderListItem[] }
  | { kind: 'problem'; text: string };

/** Runs one lookup: exact by ID or phone (POST body), or by name prefix; one match is taken at once. */
function useElderLookup(onSelect: (elder: ElderListItem) => void) {
  const { t } = useI18n();
  const api = useApi();
  const [lookup, setLookup] = useState<Lookup>({ kind: 'idle' });
  const search = async (text: string) => {
    const term = parseSearchTerm(text);
    if (term.kind === 'none') return setLookup({ kind: 'problem', text: t('intake.lookupEmpty') });
    if (term.kind === 'partialNumber') return setLookup({ kind: 'problem', text: t('list.partialNumber') });
    const exact =
      term.kind === 'phone' ? { phone: term.phone } : term.kind === 'idNumber' ? { idNumber: term.idNumber } : null;
    const request: ElderListRequest = exact
      ? { kind: 'search', body: { ...exact, limit: 10, offset: 0 } }
      : { kind: 'list', query: { name: term.kind === 'name' ? term.name : '', limit: 10, offset: 0 } };
    setLookup({ kind: 'searching' });
    try {
      const page = await fetchElderPage(api, request);
      const only = page.items.length === 1 ? page.items[0] : undefined;
      setLookup(only ? { kind: 'idle' } : { kind: 'results', items: page.items });
      if (only) onSelect(only);
    } catch (failure) {
      setLookup({ kind: 'problem', text: errorText(failure, t) });
    }
  };
  return { lookup, search };
}

/**
 * The caller's elder by phone or ID number (an exact search in a POST body, ENC-4) or by name:
 * Enter searches, one match is taken at once, several are listed for the arrow keys and Enter.
 */
export function ElderLookup({
  selected,
  onSelect,
  error,
  inputRef,
}: {
  selected: ElderListItem | null;
  onSelect: (elder: ElderListItem | null) => void;
  error: string | null;
  inputRef?: Ref<InputRef>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { lookup, search } = useElderLookup(onSelect);
  const listRef = useRef<HTMLUListElement>(null);
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Enter here searches; it submits the order only once an elder is chosen
      event.preventDefault();
      void search(text);
    } else if (event.key === 'ArrowDown') listRef.current?.querySelector('button')?.focus();
  };

  if (selected) return <ChosenElder elder={selected} onChange={() => onSelect(null)} />;
  return (
    <div className="intake-lookup">
      <label htmlFor="intake-lookup" className="intake-label">
        {t('intake.lookup')}
      </label>
      <Input.Search
        id="intake-lookup"
        ref={inputRef}
        autoFocus
        size="large"
        value={text}
        enterButton={t('intake.find')}
        loading={lookup.kind === 'searching'}
        placeholder={t('intake.lookupPlaceholder')}
        status={error ? 'error' : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKey}
        onSearch={() => void search(text)}
        autoComplete="off"
      />
      {error && lookup.kind !== 'problem' && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {lookup.kind === 'problem' && (
        <div className="field-error" role="alert">
          {lookup.text}
        </div>
      )}
      {lookup.kind === 'results' && <ResultList items={lookup.items} listRef={listRef} onSelect={onSelect} />}
    </div>
  );
}

function ResultList({
  items,
  listRef,
  onSelect,
}: {
  items: ElderListItem[];
  listRef: Ref<HTMLUListElement>;
  onSelect: (elder: ElderListItem) => void;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <div className="field-error">{t('intake.noElder')}</div>;
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const item = event.currentTarget.closest('li');
    const next =
      event.key === 'ArrowDown'
        ? item?.nextElementSibling
        : event.key === 'ArrowUp'
          ? item?.previousElementSibling
          : null;
    next?.querySelector('button')?.focus();
  };
  return (
    <ul className="intake-results" ref={listRef} aria-label={t('intake.results')}>
      {items.map((elder) => (
        <li key={elder.id}>
          <button type="button" className="intake-result" onKeyDown={move} onClick={() => onSelect(elder)}>
            <strong>{elder.name}</strong> <span className="identifier">{elder.idNumber}</span>{' '}
            <span className="muted">{t('intake.age', { age: elder.age })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function ChosenElder({ elder, onChange }: { elder: ElderListItem; onChange: () => void }) {
  const { t } = useI18n();
  return (
    <div className="intake-chosen" aria-live="polite">
      <span className="intake-label">{t('intake.elder')}</span>
      <strong className="intake-chosen__name">{elder.name}</strong>
      <span className="identifier">{elder.idNumber}</span>
      {elder.phone && <span className="identifier">{elder.phone}</span>}
      <span>{t('intake.age', { age: elder.age })}</span>
      {elder.status !== 'active' && <Tag color="red">{t(`intake.status.${elder.status}`)}</Tag>}
      <Button onClick={onChange} className="intake-change">
        {t('intake.changeElder')}
      </Button>
    </div>
  );
}
