// docs.js — the documentation explorer: root operation types, every type
// with its fields, arguments, input fields, enum values, interfaces and
// implementations, descriptions and deprecations; click through types and
// fields, go back, and search all type and field names.

import { namedName, typeString } from './schema.js';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const KIND = { OBJECT: 'type', INTERFACE: 'interface', UNION: 'union', ENUM: 'enum', INPUT_OBJECT: 'input', SCALAR: 'scalar' };

// Descriptions are Markdown; show paragraphs and `code`, escape the rest.
function md(text) {
  if (!text) return '';
  return text.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`).join('');
}

export class DocsExplorer {
  constructor(root) {
    this.root = root;
    this.schema = null;
    this.stack = [{ kind: 'root' }];
    this.query = '';
    root.innerHTML = `
      <div class="drawer-head"><h2 id="docs-title">Docs</h2></div>
      <div class="docs-search"><input type="search" placeholder="Search types and fields" aria-label="Search the schema"
        data-testid="docs-search" autocomplete="off" spellcheck="false"></div>
      <nav class="docs-nav"></nav>
      <div class="docs-body" data-testid="docs-body"></div>`;
    this.nav = root.querySelector('.docs-nav');
    this.body = root.querySelector('.docs-body');
    this.search = root.querySelector('input');
    this.search.addEventListener('input', () => { this.query = this.search.value.trim(); this.render(); });
    root.addEventListener('click', (e) => {
      const a = e.target.closest('[data-type],[data-field],[data-back]');
      if (!a) return;
      e.preventDefault();
      if (a.dataset.back !== undefined) { this.stack.pop(); }
      else if (a.dataset.field) this.stack.push({ kind: 'field', type: a.dataset.owner, field: a.dataset.field });
      else this.stack.push({ kind: 'type', name: a.dataset.type });
      this.query = ''; this.search.value = '';
      this.render();
      this.body.scrollTop = 0;
    });
  }

  setSchema(schema, error) {
    this.schema = schema;
    this.error = error;
    this.root.dataset.schemaLoaded = String(!!schema);
    if (schema) this.stack = this.stack.filter((v) => v.kind === 'root' || schema.getType(v.name || v.type));
    this.render();
  }

  showType(name) {
    if (!this.schema || !this.schema.getType(name)) return;
    this.stack.push({ kind: 'type', name });
    this.render();
  }

  typeLink(ref) {
    const name = typeof ref === 'string' ? ref : namedName(ref);
    const text = typeof ref === 'string' ? ref : typeString(ref);
    return esc(text).replace(esc(name), `<a href="#" class="type-name" data-type="${esc(name)}" data-testid="docs-type-link">${esc(name)}</a>`);
  }

  render() {
    if (!this.schema) {
      this.nav.innerHTML = '';
      this.body.innerHTML = this.error
        ? `<div class="problem"><h3>Schema unavailable</h3><p>${esc(this.error)}</p></div>`
        : '<p class="muted pad"><span class="spinner" aria-hidden="true"></span> Loading the schema…</p>';
      return;
    }
    const view = this.stack[this.stack.length - 1];
    if (this.stack.length > 1) {
      const prev = this.stack[this.stack.length - 2];
      const prevLabel = prev.kind === 'root' ? 'Schema' : prev.kind === 'type' ? prev.name : prev.field;
      this.nav.innerHTML = `<a href="#" data-back class="back" data-testid="docs-back">‹ ${esc(prevLabel)}</a>`;
    } else this.nav.innerHTML = '';
    if (this.query) this.body.innerHTML = this.searchHtml(this.query);
    else if (view.kind === 'root') this.body.innerHTML = this.rootHtml();
    else if (view.kind === 'type') this.body.innerHTML = this.typeHtml(this.schema.getType(view.name));
    else this.body.innerHTML = this.fieldHtml(this.schema.getType(view.type), view.field);
  }

  rootHtml() {
    const s = this.schema;
    const roots = [['query', s.queryType], ['mutation', s.mutationType], ['subscription', s.subscriptionType]]
      .filter(([, t]) => t)
      .map(([op, t]) => `<li><span class="kw">${op}</span>: ${this.typeLink(t.name)}</li>`).join('');
    const types = s.userTypes().filter((t) => t !== s.queryType && t !== s.mutationType && t !== s.subscriptionType)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => `<li>${this.typeLink(t.name)} <span class="kind">${KIND[t.kind] || ''}</span></li>`).join('');
    return `<h3 class="docs-title">Schema</h3>
      <p class="muted">A GraphQL schema provides a root type for each kind of operation.</p>
      <h4>Root types</h4><ul class="plain-list">${roots}</ul>
      <h4>All types</h4><ul class="plain-list">${types}</ul>`;
  }

  fieldLine(owner, f, withArgs = true) {
    const args = withArgs && f.args && f.args.length
      ? `(${f.args.map((a) => `<span class="arg">${esc(a.name)}</span>: ${this.typeLink(a.type)}`).join(', ')})` : '';
    const dep = f.isDeprecated ? `<span class="badge warn" title="${esc(f.deprecationReason || '')}">deprecated</span>` : '';
    return `<li class="${f.isDeprecated ? 'deprecated' : ''}">
      <div><a href="#" class="field-name" data-owner="${esc(owner.name)}" data-field="${esc(f.name)}">${esc(f.name)}</a>${args}: ${this.typeLink(f.type)} ${dep}</div>
      ${f.description ? `<div class="desc">${md(f.description)}</div>` : ''}
      ${f.isDeprecated && f.deprecationReason ? `<div class="desc deprecation">Deprecated: ${esc(f.deprecationReason)}</div>` : ''}</li>`;
  }

  typeHtml(t) {
    if (!t) return '<p class="muted pad">Unknown type.</p>';
    let html = `<h3 class="docs-title">${esc(t.name)} <span class="kind">${KIND[t.kind] || t.kind}</span></h3>${md(t.description)}`;
    if (t.interfaces && t.interfaces.length) html += `<h4>Implements</h4><ul class="plain-list">${t.interfaces.map((i) => `<li>${this.typeLink(i)}</li>`).join('')}</ul>`;
    if (t.fields && t.fields.length) {
      const live = t.fields.filter((f) => !f.isDeprecated), dead = t.fields.filter((f) => f.isDeprecated);
      html += `<h4>Fields</h4><ul class="fields">${live.map((f) => this.fieldLine(t, f)).join('')}</ul>`;
      if (dead.length) html += `<details><summary>${dead.length} deprecated field${dead.length > 1 ? 's' : ''}</summary><ul class="fields">${dead.map((f) => this.fieldLine(t, f)).join('')}</ul></details>`;
    }
    if (t.inputFields && t.inputFields.length) {
      html += `<h4>Input fields</h4><ul class="fields">${t.inputFields.map((f) => `<li><div><span class="arg">${esc(f.name)}</span>: ${this.typeLink(f.type)}${f.defaultValue != null ? ` = <code>${esc(f.defaultValue)}</code>` : ''}</div>${f.description ? `<div class="desc">${md(f.description)}</div>` : ''}</li>`).join('')}</ul>`;
    }
    if (t.enumValues && t.enumValues.length) {
      html += `<h4>Values</h4><ul class="fields">${t.enumValues.map((v) => `<li class="${v.isDeprecated ? 'deprecated' : ''}"><div><span class="enum-value">${esc(v.name)}</span>${v.isDeprecated ? ' <span class="badge warn">deprecated</span>' : ''}</div>${v.description ? `<div class="desc">${md(v.description)}</div>` : ''}${v.isDeprecated && v.deprecationReason ? `<div class="desc deprecation">Deprecated: ${esc(v.deprecationReason)}</div>` : ''}</li>`).join('')}</ul>`;
    }
    if (t.possibleTypes && t.possibleTypes.length) {
      html += `<h4>${t.kind === 'UNION' ? 'Possible types' : 'Implementations'}</h4><ul class="plain-list">${t.possibleTypes.map((p) => `<li>${this.typeLink(p)}</li>`).join('')}</ul>`;
    }
    return html;
  }

  fieldHtml(owner, name) {
    const f = owner && (owner.fields || []).find((x) => x.name === name);
    if (!f) return '<p class="muted pad">Unknown field.</p>';
    let html = `<h3 class="docs-title">${esc(f.name)}</h3><p class="muted">on ${this.typeLink(owner.name)}</p>
      <h4>Type</h4><p>${this.typeLink(f.type)}</p>${md(f.description)}`;
    if (f.isDeprecated) html += `<div class="problem warn"><p><b>Deprecated.</b> ${esc(f.deprecationReason || '')}</p></div>`;
    if (f.args && f.args.length) {
      html += `<h4>Arguments</h4><ul class="fields">${f.args.map((a) => `<li><div><span class="arg">${esc(a.name)}</span>: ${this.typeLink(a.type)}${a.defaultValue != null ? ` = <code>${esc(a.defaultValue)}</code>` : ''}</div>${a.description ? `<div class="desc">${md(a.description)}</div>` : ''}</li>`).join('')}</ul>`;
    }
    return html;
  }

  searchHtml(q) {
    const needle = q.toLowerCase();
    const types = [], fields = [];
    for (const t of this.schema.userTypes()) {
      if (t.name.toLowerCase().includes(needle)) types.push(t);
      for (const f of t.fields || t.inputFields || []) {
        if (f.name.toLowerCase().includes(needle)) fields.push([t, f]);
      }
    }
    const mark = (s) => esc(s).replace(new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'ig'), (m) => `<mark>${m}</mark>`);
    if (!types.length && !fields.length) return `<p class="muted pad">No type or field matches “${esc(q)}”.</p>`;
    return (types.length ? `<h4>Types</h4><ul class="plain-list">${types.slice(0, 50).map((t) => `<li><a href="#" class="type-name" data-type="${esc(t.name)}" data-testid="docs-type-link">${mark(t.name)}</a> <span class="kind">${KIND[t.kind] || ''}</span></li>`).join('')}</ul>` : '') +
      (fields.length ? `<h4>Fields</h4><ul class="plain-list">${fields.slice(0, 100).map(([t, f]) => `<li><a href="#" class="type-name" data-type="${esc(t.name)}">${esc(t.name)}</a>.${t.fields ? `<a href="#" class="field-name" data-owner="${esc(t.name)}" data-field="${esc(f.name)}">${mark(f.name)}</a>` : mark(f.name)}: ${this.typeLink(f.type)}</li>`).join('')}</ul>` : '');
  }
}
