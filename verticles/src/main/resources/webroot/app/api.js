// The REST API with the session's credential; every failure is the server's {error, message, hint}.
import { authHeader } from './session.js';

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { ...authHeader() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch (e) {
    json = { error: 'bad_reply', message: text.slice(0, 300) || 'the node answered ' + response.status };
  }
  if (!response.ok) throw Object.assign(new Error(json.message || response.statusText), json, { status: response.status });
  return json;
}

/**
 * Uploads a file in two steps, as any client may (README, Uploads): POST /upload asks for a presigned URL, then the
 * bytes are PUT to it, `onStage('uploading', fraction)` reporting progress (0..1) while they go up. With S3 configured
 * the URL is the bucket's (the bytes never pass through the node) and the reply names a `complete_url`, called next
 * (`onStage('ingesting')`) to have the node ingest the object; otherwise the URL is the node's own, which ingests as
 * the PUT ends. Resolves with the file's manifest; every refusal is the server's {error, message, hint}.
 */
export async function upload(file, onStage) {
  const type = file.type || 'application/octet-stream';
  const grant = await api('/upload', { method: 'POST', body: { file_name: file.name, content_type: type } });
  const direct = Boolean(grant.complete_url);
  const manifest = await put(grant, file, direct, onStage);
  if (!direct) return manifest;
  onStage('ingesting');
  return api(grant.complete_url, { method: 'POST' });
}

/** PUTs the bytes to the presigned URL with the headers it was signed for; the node's reply (none from S3). */
function put(grant, file, direct, onStage) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', grant.presigned_url);
    for (const [name, value] of Object.entries(grant.headers || {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onStage('uploading', e.loaded / e.total); };
    xhr.upload.onload = () => onStage(direct ? 'uploaded' : 'ingesting');
    xhr.onload = () => {
      if (direct) {
        // S3 answers XML: its status is what matters
        if (xhr.status >= 200 && xhr.status < 300) resolve(null);
        else reject(Object.assign(new Error('the storage refused the upload (HTTP ' + xhr.status + ')'), { status: xhr.status }));
        return;
      }
      let json;
      try {
        json = JSON.parse(xhr.responseText);
      } catch (e) {
        json = { error: 'bad_reply', message: 'the node answered ' + xhr.status };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(Object.assign(new Error(json.message), json, { status: xhr.status }));
    };
    xhr.onerror = () => reject(new Error(direct ? 'the upload did not reach the storage (is its CORS open to this page?)'
      : 'the upload did not reach the node'));
    xhr.send(file);
  });
}
