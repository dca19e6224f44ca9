// On a partner's page: adds up the budget lines as they are typed and shows the pooled budget and the
// partner's share with the other partners' lines (the page says the same without JavaScript once saved).
const box = document.getElementById('live-total');
if (box) {
  const others = Number(box.getAttribute('data-others') || '0');
  const pence = (typed) => {
    const t = (typed || '').replace(/[£,\s]/g, '');
    return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : 0;
  };
  const pounds = (p) => '£' + (p / 100).toLocaleString('en-GB', { minimumFractionDigits: p % 100 ? 2 : 0, maximumFractionDigits: 2 });
  const inputs = Array.from(document.querySelectorAll('input[name$="-amountPence"]'));
  const update = () => {
    const mine = inputs.reduce((sum, i) => sum + pence(i.value), 0);
    const pooled = mine + others;
    const share = pooled === 0 ? 0 : Math.round(mine * 1000 / pooled) / 10;
    box.textContent = 'This partner puts in ' + pounds(mine) + '. The pooled budget would be ' + pounds(pooled)
      + ', of which this partner\u2019s share is ' + share.toLocaleString('en-GB') + '%.';
  };
  inputs.forEach((i) => i.addEventListener('input', update));
  update();
}
