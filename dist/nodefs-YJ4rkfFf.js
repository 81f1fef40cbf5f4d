import { j as je, x, u } from './index-CiHkFrca.js';
import * as fs from 'fs';
import * as path from 'path';

u();var m=class extends je{constructor(t){super(t),this.rootDir=path.resolve(t),fs.existsSync(path.join(this.rootDir))||fs.mkdirSync(this.rootDir);}async init(t,e){return this.pg=t,{emscriptenOpts:{...e,preRun:[...e.preRun||[],r=>{let c=r.FS.filesystems.NODEFS;r.FS.mkdirTree(x),r.FS.mount(c,{root:this.rootDir},x);}]}}}async closeFs(){this.pg.Module.FS.quit();}};

export { m as NodeFS };
