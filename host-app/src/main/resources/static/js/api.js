// The panel's HTTP contract (docs/api.md) as the page speaks it: one JSON envelope, the CSRF header on
// every state-changing request, and every failure as the envelope's plain sentence.

const BUSY = 'Another operation is running on this server.';
const UNREACHABLE = 'The panel cannot be reached. Check the connection and try again.';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// The CSRF token is the XSRF-TOKEN cookie, read at each request: a login in another tab renews it.
function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

function errorOf(status, envelope) {
  if (envelope && envelope.code === 'SERVICE_BUSY') {
    return new ApiError(status, envelope.code, BUSY);
  }
  if (envelope && envelope.status === 'error' && typeof envelope.message === 'string') {
    return new ApiError(status, envelope.code, envelope.message);
  }
  return new ApiError(status, 'UNEXPECTED', `The panel answered unexpectedly (HTTP ${status}).`);
}

async function errorOfResponse(response) {
  let envelope = null;
  try {
    envelope = await response.json();
  } catch {
    // not JSON: say so in a sentence, never show the body
  }
  return errorOf(response.status, envelope);
}

async function send(method, path, headers, body) {
  const all = { Accept: 'application/json', ...headers };
  if (method !== 'GET') {
    all['X-XSRF-TOKEN'] = csrfToken();
  }
  try {
    return await fetch(path, { method, headers: all, body, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'UNREACHABLE', UNREACHABLE);
  }
}

/** Sends a request with an optional JSON body; resolves to the success envelope, rejects with an ApiError. */
export async function call(method, path, json) {
  const headers = json === undefined ? {} : { 'Content-Type': 'application/json' };
  const response = await send(method, path, headers, json === undefined ? undefined : JSON.stringify(json));
  if (!response.ok) {
    throw await errorOfResponse(response);
  }
  try {
    return await response.json();
  } catch {
    throw errorOf(response.status, null);
  }
}

function fileNameOf(disposition) {
  const match = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  return match ? match[1].replace(/[/\\]/g, '_') : null;
}

/** Downloads a snapshot file and saves it under the name the panel gives; resolves to that name. */
export async function download(path, fallbackName) {
  const response = await send('GET', path, { Accept: 'application/octet-stream, application/json' });
  if (!response.ok) {
    throw await errorOfResponse(response);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return name;
}

/**
 * Uploads a file as the multipart part "file". XMLHttpRequest rather than fetch, because only it
 * reports upload progress: onProgress gets the sent fraction, from 0 to 1.
 */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken());
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', () => {
      let envelope = null;
      try {
        envelope = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && envelope) {
        resolve(envelope);
      } else {
        reject(errorOf(xhr.status, envelope));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'UNREACHABLE', UNREACHABLE)));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
