/**
 * Small pages for small phones: system fonts, no framework, one stylesheet served as a cacheable asset
 * (GET /assets/app.css), so a weak connection downloads it once for the form, the status and the lookup pages.
 */
export const STYLESHEET = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f7f9}
main{max-width:40rem;margin:0 auto;padding:1rem}header{background:#0b5d3b;color:#fff;padding:.75rem 1rem}header a{color:#fff}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.25rem 0 .5rem}fieldset{border:1px solid #cfd4da;border-radius:8px;background:#fff;margin:0 0 1rem;padding:.75rem}
legend{font-weight:600;padding:0 .25rem}label{display:block;font-weight:600;margin:.6rem 0 .2rem}.help{font-size:.9rem;color:#4a4f55;margin:.1rem 0 .3rem}
input,select,textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #8a9199;border-radius:6px;background:#fff}input[type=radio]{width:auto;margin-right:.4rem}
.choice{display:flex;align-items:flex-start;font-weight:400;margin:.4rem 0}.err{color:#b00020;font-weight:600;font-size:.95rem;margin:.2rem 0}
.bad{border-color:#b00020;border-width:2px}.summary{border:2px solid #b00020;background:#fff5f5;padding:.75rem;border-radius:8px}.notice{border-color:#0b5d3b;background:#f0faf4}
button,.btn{display:inline-block;font:inherit;font-weight:600;padding:.75rem 1.25rem;border:0;border-radius:6px;background:#0b5d3b;color:#fff;cursor:pointer;text-decoration:none}
button.secondary{background:#e8ecef;color:#1b1b1b}.doc{border-top:1px solid #e3e6ea;padding:.5rem 0}.doc progress{width:100%}.ok{color:#0b5d3b;font-weight:600}
.muted{color:#4a4f55;font-size:.9rem}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem;border-bottom:1px solid #e3e6ea}
.status{font-size:1.2rem;font-weight:700;color:#0b5d3b}footer{max-width:40rem;margin:0 auto;padding:1rem;color:#4a4f55;font-size:.85rem}`;

