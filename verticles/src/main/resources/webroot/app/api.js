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

/** Uploads a file as the raw body of POST /files, reporting progress (0..1) while the bytes go up. */
export function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/files?name=' + encodeURIComponent(file.name));
    for (const [name, value] of Object.entries(authHeader())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let json;
      try {
        json = JSON.parse(xhr.responseText);
      } catch (e) {
        json = { error: 'bad_reply', message: 'the node answered ' + xhr.status };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(Object.assign(new Error(json.message), json, { status: xhr.status }));
    };
    xhr.onerror = () => reject(new Error('the upload did not reach the node'));
    xhr.send(file);
  });
}
