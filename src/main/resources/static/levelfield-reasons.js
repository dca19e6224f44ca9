// While an evaluator types a reason, asks the service what SC-02 will say of it (the rule itself runs on
// the server) and shows the answer under the reason. Without JavaScript, saved reasons are checked on the page.
const form = document.querySelector('form[data-reason-check]');
if (form) {
  const address = form.getAttribute('data-reason-check');
  const token = form.querySelector('input[name="formToken"]');
  const timers = new Map();
  const show = (box, warning) => {
    box.replaceChildren();
    if (!warning) return;
    const icon = document.createElement('span');
    icon.className = 'govuk-warning-text__icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '!';
    const text = document.createElement('strong');
    text.className = 'govuk-warning-text__text';
    const hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = 'Warning';
    text.append(hidden, ' SC-02 will flag this reason: ' + warning);
    const warningText = document.createElement('div');
    warningText.className = 'govuk-warning-text';
    warningText.append(icon, text);
    box.append(warningText);
  };
  form.querySelectorAll('textarea[name^="reason-"]').forEach((area) => {
    const criterion = area.name.substring('reason-'.length);
    const box = document.getElementById(area.id + '-check');
    area.addEventListener('input', () => {
      clearTimeout(timers.get(criterion));
      timers.set(criterion, setTimeout(async () => {
        const chosen = form.querySelector('input[name="score-' + criterion + '"]:checked');
        const body = new URLSearchParams({ formToken: token ? token.value : '', criterion, reason: area.value, score: chosen ? chosen.value : '' });
        try {
          const answer = await fetch(address, { method: 'POST', body, credentials: 'same-origin' });
          if (answer.ok) show(box, (await answer.json()).warning);
        } catch (offline) {
          // The check is a help, not a gate: the page works without it.
        }
      }, 600));
    });
  });
}
