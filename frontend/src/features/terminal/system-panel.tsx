import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../platform/desktop/native.ts';
import { useFileSize } from '../../ui/file-size.ts';

const EVERY_MS = 5000;

/** Memory, disks and the largest processes of this computer (Rust's system_info), read every 5 s while shown. */
function useSystemInfo() {
  const [state, setState] = useState<{ info?: SystemInfo; error?: string }>({});
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const read = () =>
      import('../../platform/desktop/native.ts')
        .then((native) => native.systemInfo())
        .then(
          (info) => !stopped && setState({ info }),
          (error: unknown) => !stopped && setState({ error: String(error) }),
        )
        .finally(() => {
          if (!stopped) timer = setTimeout(read, EVERY_MS);
        });
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return state;
}

export function SystemPanel() {
  const { t, i18n } = useTranslation('terminal');
  const size = useFileSize();
  const { info, error } = useSystemInfo();
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const gigabytes = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 });
  const large = (bytes: number) => gigabytes.format(bytes / 2 ** 30);
  return (
    <section className="system-panel" role="region" aria-label={t('system')}>
      <h2>{t('system')}</h2>
      {error && <p className="form-error">{t('systemFailed', { error })}</p>}
      {info && (
        <>
          <h3>{t('memory')}</h3>
          <meter min={0} max={info.memory.totalBytes} value={info.memory.usedBytes} aria-label={t('memory')} />
          <p>{t('memoryUsed', { used: large(info.memory.usedBytes), total: large(info.memory.totalBytes) })}</p>
          <h3>{t('disks')}</h3>
          <ul>
            {info.disks.map((disk) => (
              <li key={disk.mount}>
                {t('diskFree', { mount: disk.mount, available: large(disk.availableBytes), total: large(disk.totalBytes) })}
              </li>
            ))}
          </ul>
          <table>
            <caption>{t('processes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('process')}</th>
                <th scope="col">{t('processMemory')}</th>
                <th scope="col">{t('processCpu')}</th>
              </tr>
            </thead>
            <tbody>
              {info.processes.map((process) => (
                <tr key={process.pid}>
                  <td>
                    <span className="system-panel-name" title={process.name}>
                      {process.name}
                    </span>
                  </td>
                  <td>{size(process.memoryBytes)}</td>
                  <td>{percent.format(process.cpuPercent)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
