const app = document.getElementById('app');
if (app) app.textContent = 'SLA Sheets settings';
