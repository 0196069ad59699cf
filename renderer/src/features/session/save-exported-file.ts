import { api } from '../../api/client';

/** Hand exported map bytes to the main process, which asks the coach where to save them. */
export async function saveExportedFile(file: { format: 'svg' | 'png'; bytes: Uint8Array; suggestedName: string }): Promise<string | null> {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < file.bytes.length; i += chunk) binary += String.fromCharCode(...file.bytes.subarray(i, i + chunk));
  const result = await api.fileSave({ suggestedName: file.suggestedName, base64: btoa(binary), kind: file.format });
  return result.path;
}
