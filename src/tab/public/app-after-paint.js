// The start page with a first view (the forum list as HTML, sent by the server for a browser signed in
// with the dev sign-in) loads the app through this file instead of its module script: the app (React and
// Fluent, about 600 kB) is fetched and run after the browser has drawn the first view, so the forum list
// is not held back by the app's parsing (issue 18, P4). Pages without a first view load the app at once.
const el = document.getElementById('samraad-app');
const entry = el && el.getAttribute('data-entry');
let started = false;
function start() {
  if (started || !entry) return;
  started = true;
  import(entry).catch(function (err) {
    console.error('Samraad: the tab could not start', err);
    const note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.textContent = 'Samraad kunne ikke starte. Genindlæs siden. / Samraad could not start. Reload the page.';
    document.body.prepend(note);
  });
}
// After the next frame is drawn; a page in a background tab draws no frames, so a timer starts it anyway.
requestAnimationFrame(function () { setTimeout(start, 0); });
setTimeout(start, 300);
