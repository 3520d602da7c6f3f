import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { allQuestions } from '@shared/survey-definition/walk-questions';
import { useT } from '../i18n/i18n-context';
import { downloadFile } from '../lib/download';
import { definitionFileName, definitionFileText, readDefinitionFile } from './definition-file';

interface Props {
  definition: SurveyDefinition;
  slug: string;
  onImport: (definition: SurveyDefinition, notice: string) => void;
}

/** Downloads the draft as SurveyJS JSON and replaces it from a file. */
export function ImportExport({ definition, slug, onImport }: Props) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  const exportFile = () => downloadFile(definitionFileName(slug), definitionFileText(definition), 'application/json');

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    const result = readDefinitionFile(await file.text());
    if (result.kind === 'not-json') {
      setError(t('builder.import.notJson', { file: file.name }));
      return;
    }
    if (result.kind === 'not-a-survey') {
      setError(t('builder.import.notSurvey', { file: file.name, detail: result.detail }));
      return;
    }
    const count = allQuestions(result.definition).length;
    const notice = result.issues.length
      ? t('builder.import.withProblems', { file: file.name, count, problems: result.issues.length })
      : t('builder.import.done', { file: file.name, count });
    onImport(result.definition, notice);
  };

  return (
    <div className="import-export">
      <button type="button" className="button button-secondary" onClick={exportFile}>
        {t('builder.export')}
      </button>
      <label className="button button-secondary file-button" htmlFor={id}>
        {t('builder.import.label')}
        <input id={id} type="file" accept=".json,application/json" className="visually-hidden" onChange={(event) => void importFile(event)} />
      </label>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
