import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SyncImportResult } from '../../../../electron/core/contract/sync';
import { useAction, useCall } from '../../api/hooks';
import { fieldError } from '../../components/errors';
import { fa as faDigits, jalaliDateTime } from '../../format';
import { fa, fill } from '../../locale/fa';
import { SummaryTable } from './SummaryTable';

/** The directorate's import: choose a site's file, take it in, see what came in; the files taken so far. */
export function ImportPanel() {
  const importFile = useAction('sync.import');
  const imports = useCall('sync.imports', {});
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<SyncImportResult | null>(null);

  const run = async () => {
    if (!file) return;
    setResult(null);
    const content = await file.text();
    importFile.mutate({ content, fileName: file.name }, { onSuccess: setResult });
  };
  const error = importFile.error ? (fieldError(importFile.error, 'content') ?? importFile.error.message) : null;

  return (
    <Stack maw={1000}>
      <Text size="sm">{fa.sync.importHint}</Text>
      <Group align="end">
        <FileInput
          label={fa.sync.file}
          placeholder={fa.sync.filePlaceholder}
          accept="application/json,.json"
          value={file}
          onChange={(f) => {
            setFile(f);
            importFile.reset();
            setResult(null);
          }}
          clearable
          w={420}
          data-testid="sync-file"
        />
        <Button onClick={() => void run()} disabled={!file} loading={importFile.isPending} data-testid="sync-import">
          {fa.sync.importButton}
        </Button>
      </Group>
      {error && (
        <Alert color="red" data-testid="sync-import-error">
          {error}
        </Alert>
      )}
      {result && (
        <Paper withBorder p="md" data-testid="sync-result">
          <Stack gap="sm">
            <Alert color={result.alreadyImported ? 'blue' : 'green'} data-testid={result.alreadyImported ? 'sync-already' : 'sync-imported'}>
              {result.alreadyImported
                ? fill(fa.sync.alreadyImported, { at: jalaliDateTime(result.importedAt) })
                : fill(fa.sync.imported, { file: result.fileName, site: result.siteName })}
            </Alert>
            <Title order={4}>{fa.sync.summaryTitle}</Title>
            <SummaryTable summary={result.summary} />
            {result.summary.linkedClients > 0 && <Text size="sm">{fill(fa.sync.linked, { n: faDigits(String(result.summary.linkedClients)) })}</Text>}
            {result.summary.recodedInstructions > 0 && (
              <Text size="sm" c="orange">
                {fill(fa.sync.recoded, { n: faDigits(String(result.summary.recodedInstructions)) })}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
      <Title order={4}>{fa.sync.history}</Title>
      <Paper withBorder>
        {imports.data && imports.data.length === 0 ? (
          <Text p="md" c="dimmed">
            {fa.sync.noHistory}
          </Text>
        ) : (
          <Table striped verticalSpacing="xs" data-testid="sync-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{fa.sync.site}</Table.Th>
                <Table.Th>{fa.sync.exportedAt}</Table.Th>
                <Table.Th>{fa.sync.importedAt}</Table.Th>
                <Table.Th>{fa.sync.importedBy}</Table.Th>
                <Table.Th>{fa.sync.counts}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.data?.map((i) => (
                <Table.Tr key={i.id} data-testid="sync-history-row">
                  <Table.Td>
                    <Text size="sm">{i.siteName}</Text>
                    <Text size="xs" c="dimmed" dir="ltr" ta="right">
                      {i.fileName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{jalaliDateTime(i.exportedAt)}</Table.Td>
                  <Table.Td>{jalaliDateTime(i.importedAt)}</Table.Td>
                  <Table.Td>{i.importedBy}</Table.Td>
                  <Table.Td>
                    {faDigits(String(i.summary.newTotal))} / {faDigits(String(i.summary.presentTotal))} / {faDigits(String(i.summary.conflictTotal))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
