import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import fs from 'node:fs'; import path from 'node:path';
const { default: plugin } = await import('/work/main/dist/src/index.js');
const files=[];function walk(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);if(e.isDirectory())walk(p);else if(/\.(c|m)?js$/.test(e.name))files.push(p);}}
for (const d of ['express','eslint/lib','ajv/dist','vitest/dist','jose/dist','jsonwebtoken']) walk('/work/main/node_modules/'+d);
const corpus=files.slice(0,700).map(f=>({f,text:fs.readFileSync(f,'utf8')}));
const t={}; const now=()=>performance.now();
const wrapped={};
for (const [name, rule] of Object.entries(plugin.rules)) {
  wrapped[name] = { ...rule, create(ctx) {
    const s=now(); const l = rule.create(ctx); t[name]=(t[name]??0)+now()-s;
    const out={}; for (const [k,fn] of Object.entries(l)) out[k]=function(...a){const s=now(); try { return fn.apply(this,a); } finally { t[name]+=now()-s; } };
    return out; } };
}
const L=new Linter({configType:'flat',cwd:'/'});
const rules=Object.fromEntries(Object.keys(wrapped).map(n=>[`w/${n}`,'error']));
const cfg=[{files:['**/*.{js,mjs,cjs}'],languageOptions:{parser:tsParser},plugins:{w:{rules:wrapped}},rules}];
const cfg0=[{files:['**/*.{js,mjs,cjs}'],languageOptions:{parser:tsParser}}];
let base=0;
for (const c of corpus) { const s=now(); L.verify(c.text, cfg0, { filename:'/b/'+path.basename(c.f) }); base+=now()-s; L.verify(c.text, cfg, { filename:'/b/'+path.basename(c.f) }); }
console.log('parse-only total', base.toFixed(0)+'ms');
console.log(Object.entries(t).sort((a,b)=>b[1]-a[1]).map(([k,v])=>`${k} ${v.toFixed(1)}ms`).join('\n'));
