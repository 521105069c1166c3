import { useId, useState } from 'react';
import { ArchiveSettingsSection } from './evidence/ArchiveSettingsSection';
import type { RatingLevel, RatingPreset, ReadyRules } from '../../../shared/domain/schemas';
import { RATING_PRESET_DEFINITIONS, suggestMapping } from '../../../shared/domain/rating-presets';
import { ClientError } from '../api/client';
import { useCommand } from '../commands/react';
import { useActions, useAppStore } from '../store/react';
import { useModalDialog } from './useModalDialog';
import { reported } from './reported';

/**
 * Workspace settings: the rating scale (a preset, or the levels edited by hand), the
 * publishing rule for Ready, where fact-checks are published, and the organization named
 * in reports. A scale change that
 * would leave verdicts on levels it no longer has asks what those verdicts become.
 */
export function SettingsDialog() {
  const [open, setOpen] = useState(false);
  useCommand('settings', () => setOpen(true));
  return (
    <>
      <button type="button" className="button small subtle" onClick={() => setOpen(true)}>
        Settings
      </button>
      {open && <SettingsForm onClose={() => setOpen(false)} />}
    </>
  );
}

function SettingsForm({ onClose }: { onClose(): void }) {
  const id = useId();
  const dialog = useModalDialog(true);
  const settings = useAppStore((s) => s.workspace!.settings);
  const claims = useAppStore((s) => s.workspace!.claims);
  const { setRatingScale, setReadyRules, setPublishedUrlTemplate } = useActions();
  const [preset, setPreset] = useState<RatingPreset>(settings.ratingPreset);
  const [levels, setLevels] = useState<RatingLevel[]>(settings.ratingScale);
  const [rules, setRules] = useState<ReadyRules>(settings.readyRules);
  const [template, setTemplate] = useState(settings.publishedUrlTemplate ?? '');
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choosePreset = (next: RatingPreset) => {
    setPreset(next);
    setMapping(null);
    setProblem(null);
    const definition = RATING_PRESET_DEFINITIONS.find((p) => p.id === next);
    if (definition) setLevels([...definition.levels]);
  };
  const editLevel = (index: number, patch: Partial<RatingLevel>) => {
    setPreset('custom');
    setLevels((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  };
  const addLevel = () => {
    setPreset('custom');
    setLevels((ls) => [...ls, { id: uniqueLevelId(ls, 'new-level'), label: 'New level', value: null, description: '' }]);
  };
  const removeLevel = (index: number) => {
    setPreset('custom');
    setLevels((ls) => ls.filter((_, i) => i !== index));
  };
  const conclusionOnly = RATING_PRESET_DEFINITIONS.find((p) => p.id === preset)?.conclusionOnly ?? false;
  // Levels the current verdicts use that the new scale lacks: each needs a new home.
  const newIds = new Set(levels.map((l) => l.id));
  const stranded = settings.ratingScale.filter((old) => !newIds.has(old.id) && claims.some((c) => c.verdict?.ratingId === old.id));

  const save = async () => {
    setProblem(null);
    try {
      const scaleChanged = preset !== settings.ratingPreset || JSON.stringify(levels) !== JSON.stringify(settings.ratingScale);
      if (scaleChanged) {
        if (stranded.length > 0 && mapping === null) {
          setMapping(suggestMapping(stranded, levels));
          return;
        }
        await setRatingScale({ preset, levels, conclusionOnly, mapping: mapping ?? {} });
      }
      if (JSON.stringify(rules) !== JSON.stringify(settings.readyRules)) await setReadyRules(rules);
      const newTemplate = template.trim() || null;
      if (newTemplate !== settings.publishedUrlTemplate) await setPublishedUrlTemplate(newTemplate);
      onClose();
    } catch (error) {
      setProblem(error instanceof ClientError ? error.message : String(error));
    }
  };

  return (
    <dialog ref={dialog} className="dialog wide settings" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Workspace settings</h2>
      <fieldset className="settings-group">
        <legend>Rating scale</legend>
        <div className="preset-list">
          {RATING_PRESET_DEFINITIONS.map((p) => (
            <label key={p.id} className="preset">
              <input type="radio" name={`${id}-preset`} value={p.id} checked={preset === p.id} onChange={() => choosePreset(p.id)} />
              <span>
                <strong>{p.name}</strong> — {p.summary}
              </span>
            </label>
          ))}
          {preset === 'custom' && <p className="field-hint">Custom: the levels below, as you edited them.</p>}
        </div>
        <table className="levels">
          <caption className="visually-hidden">Levels of the scale</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Value</th>
              <th scope="col">Description editors see</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level, i) => (
              <tr key={level.id}>
                <td>
                  <input aria-label={`Label of level ${i + 1}`} value={level.label} onChange={(e) => editLevel(i, { label: e.target.value })} />
                </td>
                <td>
                  <input
                    aria-label={`Value of level ${i + 1}`}
                    type="number"
                    min={1}
                    max={100}
                    value={level.value ?? ''}
                    placeholder="none"
                    onChange={(e) => editLevel(i, { value: e.target.value === '' ? null : Number(e.target.value) })}
                  />
                </td>
                <td>
                  <input aria-label={`Description of level ${i + 1}`} value={level.description} onChange={(e) => editLevel(i, { description: e.target.value })} />
                </td>
                <td>
                  <button type="button" className="button small subtle" aria-label={`Remove level ${level.label}`} disabled={levels.length === 1} onClick={() => removeLevel(i)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button small" onClick={addLevel}>
          Add level
        </button>
        <p className="field-hint">Values place a level between worst and best in published ClaimReview data; levels without one are outside the scale.</p>
        {mapping && (
          <div className="mapping" role="group" aria-label="Move existing verdicts">
            <p>Some verdicts use levels the new scale does not have. Choose what they become:</p>
            {stranded.map((old) => (
              <label key={old.id} className="field">
                Verdicts rated “{old.label}” become
                <select value={mapping[old.id] ?? ''} onChange={(e) => setMapping({ ...mapping, [old.id]: e.target.value })}>
                  <option value="">Choose…</option>
                  {levels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Before a claim is Ready</legend>
        <label className="check">
          <input type="checkbox" checked={rules.requireVerdict} onChange={(e) => setRules({ ...rules, requireVerdict: e.target.checked })} />
          Require a verdict
        </label>
        <label className="field">
          Sources required
          <select value={rules.minSources} onChange={(e) => setRules({ ...rules, minSources: Number(e.target.value) })}>
            <option value={0}>None</option>
            <option value={1}>At least one</option>
            <option value={2}>At least two</option>
          </select>
        </label>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Publication</legend>
        <label className="field">
          Fact-check address template
          <input
            type="url"
            value={template}
            placeholder="https://desk.example.org/fact-checks/{slug}"
            aria-describedby={`${id}-template-hint`}
            onChange={(e) => setTemplate(e.target.value)}
          />
        </label>
        <p className="field-hint" id={`${id}-template-hint`}>
          An approved claim without a publication address gets this one: {'{slug}'} becomes words of its wording, {'{id}'} its id. Leave empty to set each address by hand.
        </p>
      </fieldset>
      <ArchiveSettingsSection />
      <BackupSection />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={() => reported(save())}>
          {mapping ? 'Move verdicts and save' : 'Save settings'}
        </button>
      </div>
    </dialog>
  );
}

/** A level id derived from a base that no level of the list uses yet. */
function uniqueLevelId(levels: readonly RatingLevel[], base: string): string {
  const taken = new Set(levels.map((l) => l.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Back up the whole workspace to one file, or restore one (replace everything, or merge it in). */
function BackupSection() {
  const id = useId();
  const { backupWorkspace, restoreWorkspace } = useActions();
  const [backup, setBackup] = useState<{ name: string; content: string } | null>(null);
  const [mode, setMode] = useState<'replace' | 'merge'>('merge');
  return (
    <fieldset className="settings-group">
      <legend>Backup</legend>
      <div className="field-row">
        <button type="button" className="button" onClick={() => reported(backupWorkspace())}>
          Back up workspace…
        </button>
        <label className="button file-button">
          Restore from backup…
          <input
            type="file"
            accept=".json"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.text().then((content) => setBackup({ name: file.name, content }));
            }}
          />
        </label>
      </div>
      {backup && (
        <div className="restore-confirm" role="group" aria-label="Restore the backup">
          <p>
            Restore <strong>{backup.name}</strong>:
          </p>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} />
            Merge: add its articles and claims to this workspace
          </label>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
            Replace: this workspace becomes the backup (you can undo it)
          </label>
          <div className="field-row">
            <button type="button" className="button" onClick={() => setBackup(null)}>
              Cancel
            </button>
            <button type="button" className={mode === 'replace' ? 'button danger' : 'button primary'} onClick={() => reported(restoreWorkspace(backup.content, mode).then(() => setBackup(null)))}>
              {mode === 'replace' ? 'Replace the workspace' : 'Merge the backup'}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
