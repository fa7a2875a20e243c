// The floor: the same questionnaire and the same clicks as the app, drawn with plain DOM calls.
// It saves nothing and scores nothing; it is the least any page asking these questions must do.
const main = document.getElementById('main');
const data = await (await fetch('./questions.json')).json();
const pages = [
	{ kind: 'about' },
	...data.groups.map((g) => ({ kind: 'decisions', group: g })),
	...data.domains.map((d) => ({ kind: 'domain', domain: d })),
	{ kind: 'review' }
];
const answers = new Map();
const total = data.domains.reduce((n, d) => n + d.statements.length, 0);
let index = 0;

function el(tag, props = {}, ...children) {
	const node = Object.assign(document.createElement(tag), props);
	node.append(...children);
	return node;
}

function choice(name, value, label, description) {
	const input = el('input', { type: 'radio', name, value });
	return el('label', {}, input, ' ', el('strong', {}, label), ' ', description);
}

function progressLine() {
	return el(
		'p',
		{ className: 'progress', id: 'progress' },
		`Step ${index + 1} of ${pages.length} · ${answers.size} of ${total} answered`
	);
}

function show() {
	const page = pages[index];
	const body = [progressLine()];
	if (page.kind === 'about')
		body.push(
			el('h1', {}, 'About your organisation'),
			el('label', {}, 'Organisation or service name', el('input', { id: 'org' }))
		);
	if (page.kind === 'decisions') {
		body.push(el('h1', {}, `Decisions: ${page.group.title}`));
		for (const d of data.decisions.filter((x) => x.group === page.group.id))
			body.push(
				el(
					'fieldset',
					{},
					el('legend', {}, d.question),
					...d.options.map((o) => choice(d.id, o.id, o.label, o.evidence))
				)
			);
	}
	if (page.kind === 'domain') {
		body.push(el('h1', {}, page.domain.name));
		for (const s of page.domain.statements)
			body.push(
				el(
					'fieldset',
					{ className: 'statement' },
					el('legend', {}, el('small', {}, s.title), el('br'), s.text),
					...s.levels.map((l, i) => choice(s.id, String(i), `${i} · ${data.scale[i]}`, l)),
					choice(s.id, 'dk', "Don't know", "I can't say yet.")
				)
			);
	}
	if (page.kind === 'review')
		body.push(
			el('h1', {}, 'Review your answers'),
			el('p', {}, `${total - answers.size} unanswered.`)
		);
	const next = el(
		'button',
		{ type: 'button', id: 'next' },
		page.kind === 'review' ? 'See results' : 'Next'
	);
	body.push(next);
	main.replaceChildren(...body);
	window.scrollTo(0, 0);
}

main.addEventListener('change', (event) => {
	const input = event.target;
	if (input.type !== 'radio' || pages[index].kind !== 'domain') return;
	answers.set(input.name, input.value);
	document.getElementById('progress').textContent =
		`Step ${index + 1} of ${pages.length} · ${answers.size} of ${total} answered`;
});

main.addEventListener('click', (event) => {
	const target = event.target;
	if (target.id === 'start') show();
	else if (target.id === 'next') {
		if (index === pages.length - 1)
			main.replaceChildren(
				el('h1', {}, 'Results'),
				el('h2', {}, `Readiness stage: ${answers.size} of ${total} answered`)
			);
		else {
			index++;
			show();
		}
	}
});
document.body.dataset.ready = 'yes';
