import fs, { existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import require$$1, { pathToFileURL, fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import path$1 from 'node:path/posix';
import require$$2 from 'node:crypto';

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

function getAugmentedNamespace(n) {
  if (Object.prototype.hasOwnProperty.call(n, '__esModule')) return n;
  var f = n.default;
	if (typeof f == "function") {
		var a = function a () {
			var isInstance = false;
      try {
        isInstance = this instanceof a;
      } catch (e) {}
			if (isInstance) {
        return Reflect.construct(f, arguments, this.constructor);
			}
			return f.apply(this, arguments);
		};
		a.prototype = f.prototype;
  } else a = {};
  Object.defineProperty(a, '__esModule', {value: true});
	Object.keys(n).forEach(function (k) {
		var d = Object.getOwnPropertyDescriptor(n, k);
		Object.defineProperty(a, k, d.get ? d : {
			enumerable: true,
			get: function () {
				return n[k];
			}
		});
	});
	return a;
}

function tagOf(node) {
  return node && typeof node === "object" ? Object.keys(node)[0] : void 0;
}
function as(node, tag) {
  if (!node || typeof node !== "object" || !(tag in node)) return void 0;
  return node[tag];
}
function str(node) {
  const s = as(node, "String");
  return s?.sval ?? "";
}
function nameList(nodes) {
  return (nodes ?? []).map(str);
}
function tableKey(rel) {
  if (!rel?.relname) return "";
  return qualifiedKey(rel.schemaname, rel.relname);
}
function qualifiedKey(schema, name) {
  return schema && schema !== "public" ? `${schema}.${name}` : name;
}
function displayTable(rel) {
  return tableKey(rel) || "(unknown)";
}
function typeNameString(typeName) {
  if (!typeName) return "";
  const names = nameList(typeName.names).filter((n) => n !== "pg_catalog");
  const base = names.join(".");
  const mods = (typeName.typmods ?? []).map(constValue).filter((v) => v !== void 0);
  const array = typeName.arrayBounds?.length ? "[]".repeat(typeName.arrayBounds.length) : "";
  return `${base}${mods.length ? `(${mods.join(",")})` : ""}${array}`;
}
function typeBase(typeName) {
  const names = nameList(typeName?.names).filter((n) => n !== "pg_catalog");
  return (names.at(-1) ?? "").toLowerCase();
}
function typeMods(typeName) {
  return (typeName?.typmods ?? []).map(constValue).filter((v) => typeof v === "number");
}
function constValue(node) {
  const c = as(node, "A_Const");
  if (c) {
    if (c.isnull) return null;
    if (c.ival) return c.ival.ival ?? 0;
    if (c.sval) return c.sval.sval ?? "";
    if (c.fval) return Number(c.fval.fval);
    if (c.boolval) return c.boolval.boolval ?? false;
    return 0;
  }
  const i = as(node, "Integer");
  if (i) return i.ival ?? 0;
  const s = as(node, "String");
  if (s) return s.sval ?? "";
  return void 0;
}
function columnNames(nodes) {
  return (nodes ?? []).map((n) => {
    const elem = as(n, "IndexElem");
    if (elem) return elem.name ?? "(expression)";
    const ref = as(n, "ColumnRef");
    if (ref) return nameList(ref.fields).join(".");
    return str(n);
  });
}
function walk(root, visit) {
  if (Array.isArray(root)) {
    for (const item of root) walk(item, visit);
    return;
  }
  if (!root || typeof root !== "object") return;
  for (const [key, value] of Object.entries(root)) {
    if (value && typeof value === "object") {
      if (/^[A-Z]/.test(key) && !Array.isArray(value)) visit(key, value);
      walk(value, visit);
    }
  }
}
function objectNameParts(node) {
  const list = as(node, "List");
  if (list) return nameList(list.items);
  const typeName = as(node, "TypeName");
  if (typeName) return nameList(typeName.names);
  const name = str(node);
  return name ? [name] : [];
}
function objectKey(parts) {
  const name = parts.at(-1);
  if (!name) return "";
  return qualifiedKey(parts.length > 1 ? parts.at(-2) : void 0, name);
}
const SERIAL_TYPES$1 = /* @__PURE__ */ new Set([
  "serial",
  "serial4",
  "bigserial",
  "serial8",
  "smallserial",
  "serial2"
]);
function isNullConstant(expr) {
  const cast = as(expr, "TypeCast");
  if (cast) return isNullConstant(cast.arg);
  return as(expr, "A_Const")?.isnull === true;
}

var libpgQuery = {exports: {}};

var hasRequiredLibpgQuery;

function requireLibpgQuery () {
	if (hasRequiredLibpgQuery) return libpgQuery.exports;
	hasRequiredLibpgQuery = 1;
	(function (module, exports) {
		var __dbmDirname = require$$1.fileURLToPath(new URL(".", import.meta.url));
		var PgQueryModule=(()=>{var _scriptName=globalThis.document?.currentScript?.src;return async function(moduleArg={}){var Module=moduleArg;var ENVIRONMENT_IS_WEB=!!globalThis.window;var ENVIRONMENT_IS_WORKER=!!globalThis.WorkerGlobalScope;var ENVIRONMENT_IS_NODE=globalThis.process?.versions?.node&&globalThis.process?.type!="renderer";var quit_=(status,toThrow)=>{throw toThrow};if(typeof __filename!="undefined"){_scriptName=__filename;}else if(ENVIRONMENT_IS_WORKER){_scriptName=self.location.href;}var scriptDirectory="";function locateFile(path){if(Module["locateFile"]){return Module["locateFile"](path,scriptDirectory)}return scriptDirectory+path}var readAsync,readBinary;if(ENVIRONMENT_IS_NODE){var fs$1=fs;scriptDirectory=__dbmDirname+"/";readBinary=filename=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs$1.readFileSync(filename);return ret};readAsync=async(filename,binary=true)=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs$1.readFileSync(filename,binary?undefined:"utf8");return ret};if(process.argv.length>1){process.argv[1].replace(/\\/g,"/");}process.argv.slice(2);quit_=(status,toThrow)=>{process.exitCode=status;throw toThrow};}else if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){try{scriptDirectory=new URL(".",_scriptName).href;}catch{}{if(ENVIRONMENT_IS_WORKER){readBinary=url=>{var xhr=new XMLHttpRequest;xhr.open("GET",url,false);xhr.responseType="arraybuffer";xhr.send(null);return new Uint8Array(xhr.response)};}readAsync=async url=>{var response=await fetch(url,{credentials:"same-origin"});if(response.ok){return response.arrayBuffer()}throw new Error(response.status+" : "+response.url)};}}else;var out=console.log.bind(console);var err=console.error.bind(console);var wasmBinary;var ABORT=false;var EXITSTATUS;var isFileURI=filename=>filename.startsWith("file://");class EmscriptenEH{}class EmscriptenSjLj extends EmscriptenEH{}function getMemoryBuffer(){return wasmMemory.buffer}function updateMemoryViews(){if(HEAP8?.buffer?.resizable)return;var b=getMemoryBuffer();HEAP8=new Int8Array(b);HEAP16=new Int16Array(b);Module["HEAPU8"]=HEAPU8=new Uint8Array(b);new Uint16Array(b);HEAP32=new Int32Array(b);Module["HEAPU32"]=HEAPU32=new Uint32Array(b);HEAPF32=new Float32Array(b);HEAPF64=new Float64Array(b);HEAP64=new BigInt64Array(b);new BigUint64Array(b);}function preRun(){var preRun=Module["preRun"];if(preRun){if(typeof preRun=="function")preRun=[preRun];onPreRuns.push(...preRun);}callRuntimeCallbacks(onPreRuns);}function initRuntime(){if(!Module["noFSInit"]&&!FS.initialized)FS.init();wasmExports["A"]();FS.ignorePermissions=false;}function postRun(){var postRun=Module["postRun"];if(postRun){if(typeof postRun=="function")postRun=[postRun];onPostRuns.push(...postRun);}callRuntimeCallbacks(onPostRuns);}function abort(what){Module["onAbort"]?.(what);what=`Aborted(${what})`;err(what);ABORT=true;what+=". Build with -sASSERTIONS for more info.";var e=new WebAssembly.RuntimeError(what);throw e}var wasmBinaryFile;function findWasmBinary(){return locateFile("libpg-query.wasm")}function getBinarySync(file){if(readBinary){return readBinary(file)}throw "both async and sync fetching of the wasm failed"}async function getWasmBinary(binaryFile){{try{var response=await readAsync(binaryFile);return new Uint8Array(response)}catch{}}return getBinarySync(binaryFile)}async function instantiateArrayBuffer(binaryFile,imports){try{var binary=await getWasmBinary(binaryFile);var instance=await WebAssembly.instantiate(binary,imports);return instance}catch(reason){err(`failed to asynchronously prepare wasm: ${reason}`);abort(reason);}}async function instantiateAsync(binary,binaryFile,imports){if(!ENVIRONMENT_IS_NODE){try{var response=fetch(binaryFile,{credentials:"same-origin"});var instantiationResult=await WebAssembly.instantiateStreaming(response,imports);return instantiationResult}catch(reason){err(`wasm streaming compile failed: ${reason}`);err("falling back to ArrayBuffer instantiation");}}return instantiateArrayBuffer(binaryFile,imports)}function getWasmImports(){var imports={a:wasmImports};return imports}async function createWasm(){function receiveInstance(instance){wasmExports=instance.exports;assignWasmExports(wasmExports);updateMemoryViews();return wasmExports}function receiveInstantiationResult(result){return receiveInstance(result["instance"])}var info=getWasmImports();var instantiateWasm=Module["instantiateWasm"];if(instantiateWasm){return new Promise(resolve=>{instantiateWasm(info,inst=>resolve(receiveInstance(inst)));})}wasmBinaryFile??=findWasmBinary();var result=await instantiateAsync(wasmBinary,wasmBinaryFile,info);var exports=receiveInstantiationResult(result);return exports}class ExitStatus{name="ExitStatus";constructor(status){this.message=`Program terminated with exit(${status})`;this.status=status;}}var HEAP16;var HEAP32;var HEAP64;var HEAP8;var HEAPF32;var HEAPF64;var HEAPU32;var HEAPU8;var callRuntimeCallbacks=callbacks=>{while(callbacks.length>0){callbacks.shift()(Module);}};var onPostRuns=[];var onPreRuns=[];function getValue(ptr,type="i8"){if(type.endsWith("*"))type="*";switch(type){case "i1":return HEAP8[ptr];case "i8":return HEAP8[ptr];case "i16":return HEAP16[ptr>>1];case "i32":return HEAP32[ptr>>2];case "i64":return HEAP64[ptr>>3];case "float":return HEAPF32[ptr>>2];case "double":return HEAPF64[ptr>>3];case "*":return HEAPU32[ptr>>2];default:abort(`invalid type for getValue: ${type}`);}}var noExitRuntime=true;var stackRestore=val=>__emscripten_stack_restore(val);var stackSave=()=>_emscripten_stack_get_current();var UTF8Decoder=globalThis.TextDecoder&&new TextDecoder;var findStringEnd=(heapOrArray,idx,maxBytesToRead,ignoreNul)=>{var maxIdx=idx+maxBytesToRead;if(ignoreNul)return maxIdx;while(heapOrArray[idx]&&!(idx>=maxIdx))++idx;return idx};var UTF8ArrayToString=(heapOrArray,idx=0,maxBytesToRead,ignoreNul)=>{var endPtr=findStringEnd(heapOrArray,idx,maxBytesToRead,ignoreNul);if(endPtr-idx>16&&heapOrArray.buffer&&UTF8Decoder){return UTF8Decoder.decode(heapOrArray.subarray(idx,endPtr))}var str="";while(idx<endPtr){var u0=heapOrArray[idx++];if(!(u0&128)){str+=String.fromCharCode(u0);continue}var u1=heapOrArray[idx++]&63;if((u0&224)==192){str+=String.fromCharCode((u0&31)<<6|u1);continue}var u2=heapOrArray[idx++]&63;if((u0&240)==224){u0=(u0&15)<<12|u1<<6|u2;}else {u0=(u0&7)<<18|u1<<12|u2<<6|heapOrArray[idx++]&63;}if(u0<65536){str+=String.fromCharCode(u0);}else {var ch=u0-65536;str+=String.fromCharCode(55296|ch>>10,56320|ch&1023);}}return str};var UTF8ToString=(ptr,maxBytesToRead,ignoreNul)=>ptr?UTF8ArrayToString(HEAPU8,ptr,maxBytesToRead,ignoreNul):"";var ___assert_fail=(condition,filename,line,func)=>abort(`Assertion failed: ${UTF8ToString(condition)}, at: `+[filename?UTF8ToString(filename):"unknown filename",line,func?UTF8ToString(func):"unknown function"]);var __abort_js=()=>abort("");var runtimeKeepaliveCounter=0;var __emscripten_runtime_keepalive_clear=()=>{noExitRuntime=false;runtimeKeepaliveCounter=0;};var __emscripten_throw_longjmp=()=>{throw new EmscriptenSjLj};var timers={};var handleException=e=>{if(e instanceof ExitStatus||e=="unwind"){return EXITSTATUS}quit_(1,e);};var keepRuntimeAlive=()=>noExitRuntime||runtimeKeepaliveCounter>0;var _proc_exit=code=>{EXITSTATUS=code;if(!keepRuntimeAlive()){Module["onExit"]?.(code);ABORT=true;}quit_(code,new ExitStatus(code));};var exitJS=(status,implicit)=>{EXITSTATUS=status;_proc_exit(status);};var _exit=exitJS;var maybeExit=()=>{if(!keepRuntimeAlive()){try{_exit(EXITSTATUS);}catch(e){handleException(e);}}};var callUserCallback=func=>{if(ABORT){return}try{return func()}catch(e){handleException(e);}finally{maybeExit();}};var _emscripten_get_now=()=>performance.now();var __setitimer_js=(which,timeout_ms)=>{if(timers[which]){clearTimeout(timers[which].id);delete timers[which];}if(!timeout_ms)return 0;var id=setTimeout(()=>{delete timers[which];callUserCallback(()=>__emscripten_timeout(which,_emscripten_get_now()));},timeout_ms);timers[which]={id,timeout_ms};return 0};var getHeapMax=()=>1073741824;var alignMemory=(size,alignment)=>Math.ceil(size/alignment)*alignment;var growMemory=size=>{var oldHeapSize=wasmMemory.buffer.byteLength;var pages=(size-oldHeapSize+65535)/65536|0;try{wasmMemory.grow(pages);updateMemoryViews();return 1}catch(e){}};var _emscripten_resize_heap=requestedSize=>{var oldSize=HEAPU8.length;requestedSize>>>=0;var maxHeapSize=getHeapMax();if(requestedSize>maxHeapSize){return false}for(var cutDown=1;cutDown<=4;cutDown*=2){var overGrownHeapSize=oldSize*(1+.2/cutDown);overGrownHeapSize=Math.min(overGrownHeapSize,requestedSize+100663296);var newSize=Math.min(maxHeapSize,alignMemory(Math.max(requestedSize,overGrownHeapSize),65536));var replacement=growMemory(newSize);if(replacement){return true}}return false};var PATH={isAbs:path=>path.charAt(0)==="/",splitPath:filename=>{var splitPathRe=/^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;return splitPathRe.exec(filename).slice(1)},normalizeArray:(parts,allowAboveRoot)=>{var up=0;for(var i=parts.length-1;i>=0;i--){var last=parts[i];if(last==="."){parts.splice(i,1);}else if(last===".."){parts.splice(i,1);up++;}else if(up){parts.splice(i,1);up--;}}if(allowAboveRoot){for(;up;up--){parts.unshift("..");}}return parts},normalize:path=>{var isAbsolute=PATH.isAbs(path),trailingSlash=path.slice(-1)==="/";path=PATH.normalizeArray(path.split("/").filter(p=>!!p),!isAbsolute).join("/");if(!path&&!isAbsolute){path=".";}if(path&&trailingSlash){path+="/";}return (isAbsolute?"/":"")+path},dirname:path=>{var result=PATH.splitPath(path),root=result[0],dir=result[1];if(!root&&!dir){return "."}if(dir){dir=dir.slice(0,-1);}return root+dir},basename:path=>path&&path.match(/([^\/]+|\/)\/*$/)[1],join:(...paths)=>PATH.normalize(paths.join("/")),join2:(l,r)=>PATH.normalize(l+"/"+r)};var initRandomFill=()=>{if(ENVIRONMENT_IS_NODE){var nodeCrypto=require$$2;return view=>(nodeCrypto.randomFillSync(view),0)}return view=>(crypto.getRandomValues(view),0)};var randomFill=view=>(randomFill=initRandomFill())(view);var PATH_FS={resolve:(...args)=>{var resolvedPath="",resolvedAbsolute=false;for(var i=args.length-1;i>=-1&&!resolvedAbsolute;i--){var path=i>=0?args[i]:FS.cwd();if(typeof path!="string"){throw new TypeError("Arguments to path.resolve must be strings")}else if(!path){return ""}resolvedPath=path+"/"+resolvedPath;resolvedAbsolute=PATH.isAbs(path);}resolvedPath=PATH.normalizeArray(resolvedPath.split("/").filter(p=>!!p),!resolvedAbsolute).join("/");return (resolvedAbsolute?"/":"")+resolvedPath||"."},relative:(from,to)=>{from=PATH_FS.resolve(from).slice(1);to=PATH_FS.resolve(to).slice(1);function trim(arr){var start=0;for(;start<arr.length;start++){if(arr[start]!=="")break}var end=arr.length-1;for(;end>=0;end--){if(arr[end]!=="")break}if(start>end)return [];return arr.slice(start,end-start+1)}var fromParts=trim(from.split("/"));var toParts=trim(to.split("/"));var length=Math.min(fromParts.length,toParts.length);var samePartsLength=length;for(var i=0;i<length;i++){if(fromParts[i]!==toParts[i]){samePartsLength=i;break}}var outputParts=[];for(var i=samePartsLength;i<fromParts.length;i++){outputParts.push("..");}outputParts=outputParts.concat(toParts.slice(samePartsLength));return outputParts.join("/")}};var FS_stdin_getChar_buffer=[];var lengthBytesUTF8=str=>{var len=0;for(var i=0;i<str.length;++i){var c=str.charCodeAt(i);if(c<=127){len++;}else if(c<=2047){len+=2;}else if(c>=55296&&c<=57343){len+=4;++i;}else {len+=3;}}return len};var stringToUTF8Array=(str,heap,outIdx,maxBytesToWrite)=>{if(!(maxBytesToWrite>0))return 0;var startIdx=outIdx;var endIdx=outIdx+maxBytesToWrite-1;for(var i=0;i<str.length;++i){var u=str.codePointAt(i);if(u<=127){if(outIdx>=endIdx)break;heap[outIdx++]=u;}else if(u<=2047){if(outIdx+1>=endIdx)break;heap[outIdx++]=192|u>>6;heap[outIdx++]=128|u&63;}else if(u<=65535){if(outIdx+2>=endIdx)break;heap[outIdx++]=224|u>>12;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63;}else {if(outIdx+3>=endIdx)break;heap[outIdx++]=240|u>>18;heap[outIdx++]=128|u>>12&63;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63;i++;}}heap[outIdx]=0;return outIdx-startIdx};var intArrayFromString=(stringy,dontAddNull,length)=>{var len=lengthBytesUTF8(stringy)+1;var u8array=new Array(len);var numBytesWritten=stringToUTF8Array(stringy,u8array,0,u8array.length);u8array.length=numBytesWritten;return u8array};var FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var result=null;if(ENVIRONMENT_IS_NODE){var BUFSIZE=256;var buf=Buffer.alloc(BUFSIZE);var bytesRead=0;var fd=process.stdin.fd;try{bytesRead=fs$1.readSync(fd,buf,0,BUFSIZE);}catch(e){if(e.toString().includes("EOF"))bytesRead=0;else throw e}if(bytesRead>0){result=buf.slice(0,bytesRead).toString("utf-8");}}else if(globalThis.window?.prompt){result=window.prompt("Input: ");if(result!==null){result+="\n";}}else;if(!result){return null}FS_stdin_getChar_buffer=intArrayFromString(result);}return FS_stdin_getChar_buffer.shift()};var TTY={ttys:[],init(){},shutdown(){},register(dev,ops){TTY.ttys[dev]={input:[],output:[],ops};FS.registerDevice(dev,TTY.stream_ops);},stream_ops:{open(stream){var tty=TTY.ttys[stream.node.rdev];if(!tty){throw new FS.ErrnoError(43)}stream.tty=tty;stream.seekable=false;},close(stream){stream.tty.ops.fsync(stream.tty);},fsync(stream){stream.tty.ops.fsync(stream.tty);},read(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.get_char){throw new FS.ErrnoError(60)}var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=stream.tty.ops.get_char(stream.tty);}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result;}if(bytesRead){stream.node.atime=Date.now();}return bytesRead},write(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.put_char){throw new FS.ErrnoError(60)}try{for(var i=0;i<length;i++){stream.tty.ops.put_char(stream.tty,buffer[offset+i]);}}catch(e){throw new FS.ErrnoError(29)}if(length){stream.node.mtime=stream.node.ctime=Date.now();}return i}},default_tty_ops:{get_char(tty){return FS_stdin_getChar()},put_char(tty,val){if(val===null||val===10){out(UTF8ArrayToString(tty.output));tty.output=[];}else {if(val!=0)tty.output.push(val);}},fsync(tty){if(tty.output?.length>0){out(UTF8ArrayToString(tty.output));tty.output=[];}},ioctl_tcgets(tty){return {c_iflag:25856,c_oflag:5,c_cflag:191,c_lflag:35387,c_cc:[3,28,127,21,4,0,1,0,17,19,26,0,18,15,23,22,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},ioctl_tcsets(tty,optional_actions,data){return 0},ioctl_tiocgwinsz(tty){return [24,80]}},default_tty1_ops:{put_char(tty,val){if(val===null||val===10){err(UTF8ArrayToString(tty.output));tty.output=[];}else {if(val!=0)tty.output.push(val);}},fsync(tty){if(tty.output?.length>0){err(UTF8ArrayToString(tty.output));tty.output=[];}}}};var mmapAlloc=size=>{abort();};var MEMFS={ops_table:null,mount(mount){return MEMFS.createNode(null,"/",16895,0)},createNode(parent,name,mode,dev){if(FS.isBlkdev(mode)||FS.isFIFO(mode)){throw new FS.ErrnoError(63)}MEMFS.ops_table||={dir:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,lookup:MEMFS.node_ops.lookup,mknod:MEMFS.node_ops.mknod,rename:MEMFS.node_ops.rename,unlink:MEMFS.node_ops.unlink,rmdir:MEMFS.node_ops.rmdir,readdir:MEMFS.node_ops.readdir,symlink:MEMFS.node_ops.symlink},stream:{llseek:MEMFS.stream_ops.llseek}},file:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:{llseek:MEMFS.stream_ops.llseek,read:MEMFS.stream_ops.read,write:MEMFS.stream_ops.write,mmap:MEMFS.stream_ops.mmap,msync:MEMFS.stream_ops.msync}},link:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,readlink:MEMFS.node_ops.readlink},stream:{}},chrdev:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:FS.chrdev_stream_ops}};var node=FS.createNode(parent,name,mode,dev);if(FS.isDir(node.mode)){node.node_ops=MEMFS.ops_table.dir.node;node.stream_ops=MEMFS.ops_table.dir.stream;node.contents={};}else if(FS.isFile(node.mode)){node.node_ops=MEMFS.ops_table.file.node;node.stream_ops=MEMFS.ops_table.file.stream;node.usedBytes=0;node.contents=MEMFS.emptyFileContents??=new Uint8Array(0);}else if(FS.isLink(node.mode)){node.node_ops=MEMFS.ops_table.link.node;node.stream_ops=MEMFS.ops_table.link.stream;}else if(FS.isChrdev(node.mode)){node.node_ops=MEMFS.ops_table.chrdev.node;node.stream_ops=MEMFS.ops_table.chrdev.stream;}node.atime=node.mtime=node.ctime=Date.now();if(parent){parent.contents[name]=node;parent.atime=parent.mtime=parent.ctime=node.atime;}return node},getFileDataAsTypedArray(node){return node.contents.subarray(0,node.usedBytes)},expandFileStorage(node,newCapacity){var prevCapacity=node.contents.length;if(prevCapacity>=newCapacity)return;var CAPACITY_DOUBLING_MAX=1024*1024;newCapacity=Math.max(newCapacity,prevCapacity*(prevCapacity<CAPACITY_DOUBLING_MAX?2:1.125)>>>0);if(prevCapacity)newCapacity=Math.max(newCapacity,256);var oldContents=MEMFS.getFileDataAsTypedArray(node);node.contents=new Uint8Array(newCapacity);node.contents.set(oldContents);},resizeFileStorage(node,newSize){if(node.usedBytes==newSize)return;var oldContents=node.contents;node.contents=new Uint8Array(newSize);node.contents.set(oldContents.subarray(0,Math.min(newSize,node.usedBytes)));node.usedBytes=newSize;},node_ops:{getattr(node){var attr={};attr.dev=FS.isChrdev(node.mode)?node.id:1;attr.ino=node.id;attr.mode=node.mode;attr.nlink=1;attr.uid=0;attr.gid=0;attr.rdev=node.rdev;if(FS.isDir(node.mode)){attr.size=4096;}else if(FS.isFile(node.mode)){attr.size=node.usedBytes;}else if(FS.isLink(node.mode)){attr.size=node.link.length;}else {attr.size=0;}attr.atime=new Date(node.atime);attr.mtime=new Date(node.mtime);attr.ctime=new Date(node.ctime);attr.blksize=4096;attr.blocks=Math.ceil(attr.size/attr.blksize);return attr},setattr(node,attr){for(const key of ["mode","atime","mtime","ctime"]){if(attr[key]!=null){node[key]=attr[key];}}if(attr.size!==undefined){MEMFS.resizeFileStorage(node,attr.size);}},lookup(parent,name){if(!MEMFS.doesNotExistError){MEMFS.doesNotExistError=new FS.ErrnoError(44);MEMFS.doesNotExistError.stack="<generic error, no stack>";}throw MEMFS.doesNotExistError},mknod(parent,name,mode,dev){return MEMFS.createNode(parent,name,mode,dev)},rename(old_node,new_dir,new_name){var new_node;try{new_node=FS.lookupNode(new_dir,new_name);}catch(e){}if(new_node){if(FS.isDir(old_node.mode)){for(var i in new_node.contents){throw new FS.ErrnoError(55)}}FS.hashRemoveNode(new_node);}delete old_node.parent.contents[old_node.name];new_dir.contents[new_name]=old_node;old_node.name=new_name;new_dir.ctime=new_dir.mtime=old_node.parent.ctime=old_node.parent.mtime=Date.now();},unlink(parent,name){delete parent.contents[name];parent.ctime=parent.mtime=Date.now();},rmdir(parent,name){var node=FS.lookupNode(parent,name);for(var i in node.contents){throw new FS.ErrnoError(55)}delete parent.contents[name];parent.ctime=parent.mtime=Date.now();},readdir(node){return [".","..",...Object.keys(node.contents)]},symlink(parent,newname,oldpath){var node=MEMFS.createNode(parent,newname,511|40960,0);node.link=oldpath;return node},readlink(node){if(!FS.isLink(node.mode)){throw new FS.ErrnoError(28)}return node.link}},stream_ops:{read(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=stream.node.usedBytes)return 0;var size=Math.min(stream.node.usedBytes-position,length);buffer.set(contents.subarray(position,position+size),offset);return size},write(stream,buffer,offset,length,position,canOwn){if(buffer.buffer===HEAP8.buffer){canOwn=false;}if(!length)return 0;var node=stream.node;node.mtime=node.ctime=Date.now();if(canOwn){node.contents=buffer.subarray(offset,offset+length);node.usedBytes=length;}else if(node.usedBytes===0&&position===0){node.contents=buffer.slice(offset,offset+length);node.usedBytes=length;}else {MEMFS.expandFileStorage(node,position+length);node.contents.set(buffer.subarray(offset,offset+length),position);node.usedBytes=Math.max(node.usedBytes,position+length);}return length},llseek(stream,offset,whence){var position=offset;if(whence===1){position+=stream.position;}else if(whence===2){if(FS.isFile(stream.node.mode)){position+=stream.node.usedBytes;}}if(position<0){throw new FS.ErrnoError(28)}return position},mmap(stream,length,position,prot,flags){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}var ptr;var allocated;var contents=stream.node.contents;if(!(flags&2)&&contents.buffer===HEAP8.buffer){allocated=false;ptr=contents.byteOffset;}else {allocated=true;ptr=mmapAlloc();if(!ptr){throw new FS.ErrnoError(48)}if(contents){if(position>0||position+length<contents.length){if(contents.subarray){contents=contents.subarray(position,position+length);}else {contents=Array.prototype.slice.call(contents,position,position+length);}}HEAP8.set(contents,ptr);}}return {ptr,allocated}},msync(stream,buffer,offset,length,mmapFlags){MEMFS.stream_ops.write(stream,buffer,0,length,offset,false);return 0}}};var FS_modeStringToFlags=str=>{if(typeof str!="string")return str;var flagModes={r:0,"r+":2,w:512|64|1,"w+":512|64|2,a:1024|64|1,"a+":1024|64|2};var flags=flagModes[str];if(typeof flags=="undefined"){throw new Error(`Unknown file open mode: ${str}`)}return flags};var FS_fileDataToTypedArray=data=>{if(typeof data=="string"){data=intArrayFromString(data);}if(!data.subarray){data=new Uint8Array(data);}return data};var FS_getMode=(canRead,canWrite)=>{var mode=0;if(canRead)mode|=292|73;if(canWrite)mode|=146;return mode};var asyncLoad=async url=>{var arrayBuffer=await readAsync(url);return new Uint8Array(arrayBuffer)};var FS_createDataFile=(...args)=>FS.createDataFile(...args);var dependenciesPromise=null;var resolveRunDependencies=async()=>dependenciesPromise;var runDependencies=0;var dependenciesPromiseResolve=null;var removeRunDependency=id=>{runDependencies--;Module["monitorRunDependencies"]?.(runDependencies);if(!runDependencies){dependenciesPromiseResolve();}};var addRunDependency=id=>{if(!runDependencies){dependenciesPromise=new Promise(resolve=>dependenciesPromiseResolve=resolve);}runDependencies++;Module["monitorRunDependencies"]?.(runDependencies);};var preloadPlugins=[];var FS_handledByPreloadPlugin=async(byteArray,fullname)=>{if(typeof Browser!="undefined")Browser.init();for(var plugin of preloadPlugins){if(plugin["canHandle"](fullname)){return plugin["handle"](byteArray,fullname)}}return byteArray};var FS_preloadFile=async(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish)=>{var fullname=name?PATH_FS.resolve(PATH.join2(parent,name)):parent;addRunDependency();try{var byteArray=url;if(typeof url=="string"){byteArray=await asyncLoad(url);}byteArray=await FS_handledByPreloadPlugin(byteArray,fullname);preFinish?.();if(!dontCreateFile){FS_createDataFile(parent,name,byteArray,canRead,canWrite,canOwn);}}finally{removeRunDependency();}};var FS_createPreloadedFile=(parent,name,url,canRead,canWrite,onload,onerror,dontCreateFile,canOwn,preFinish)=>{FS_preloadFile(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish).then(onload).catch(onerror);};var FS={root:null,mounts:[],devices:{},streams:[],nextInode:1,nameTable:null,currentPath:"/",initialized:false,ignorePermissions:true,filesystems:null,syncFSRequests:0,ErrnoError:class{name="ErrnoError";constructor(errno){this.errno=errno;}},FSStream:class{shared={};get object(){return this.node}set object(val){this.node=val;}get isRead(){return (this.flags&2097155)!==1}get isWrite(){return (this.flags&2097155)!==0}get isAppend(){return this.flags&1024}get flags(){return this.shared.flags}set flags(val){this.shared.flags=val;}get position(){return this.shared.position}set position(val){this.shared.position=val;}},FSNode:class{node_ops={};stream_ops={};readMode=292|73;writeMode=146;mounted=null;constructor(parent,name,mode,rdev){if(!parent){parent=this;}this.parent=parent;this.mount=parent.mount;this.id=FS.nextInode++;this.name=name;this.mode=mode;this.rdev=rdev;this.atime=this.mtime=this.ctime=Date.now();}get read(){return (this.mode&this.readMode)===this.readMode}set read(val){val?this.mode|=this.readMode:this.mode&=~this.readMode;}get write(){return (this.mode&this.writeMode)===this.writeMode}set write(val){val?this.mode|=this.writeMode:this.mode&=~this.writeMode;}get isFolder(){return FS.isDir(this.mode)}get isDevice(){return FS.isChrdev(this.mode)}addListener(cb,exclusive=false){var entry={cb,exclusive};var listeners=this.listeners??=new Set;listeners.add(entry);return {listeners,entry}}notifyListeners(flags){if(!this.listeners)return;var excl;for(var entry of this.listeners){if(entry.exclusive)(excl||=[]).push(entry);else entry.cb(flags);}if(excl){var i=(this.exclTurn||0)%excl.length;this.exclTurn=i+1;excl[i].cb(flags);}}},lookupPath(path,opts={}){if(!path){throw new FS.ErrnoError(44)}opts.follow_mount??=true;if(!PATH.isAbs(path)){path=FS.cwd()+"/"+path;}linkloop:for(var nlinks=0;nlinks<40;nlinks++){var parts=path.split("/").filter(p=>!!p);var current=FS.root;var current_path="/";for(var i=0;i<parts.length;i++){var islast=i===parts.length-1;if(islast&&opts.parent){break}if(parts[i]==="."){continue}if(parts[i]===".."){current_path=PATH.dirname(current_path);if(FS.isRoot(current)){path=current_path+"/"+parts.slice(i+1).join("/");nlinks--;continue linkloop}else {current=current.parent;}continue}current_path=PATH.join2(current_path,parts[i]);try{current=FS.lookupNode(current,parts[i]);}catch(e){if(e?.errno===44&&islast&&opts.noent_okay){return {path:current_path}}throw e}if(FS.isMountpoint(current)&&(!islast||opts.follow_mount)){current=current.mounted.root;}if(FS.isLink(current.mode)&&(!islast||opts.follow)){if(!current.node_ops.readlink){throw new FS.ErrnoError(52)}var link=current.node_ops.readlink(current);if(!PATH.isAbs(link)){link=PATH.dirname(current_path)+"/"+link;}path=link+"/"+parts.slice(i+1).join("/");continue linkloop}}return {path:current_path,node:current}}throw new FS.ErrnoError(32)},getPath(node){var path;while(true){if(FS.isRoot(node)){var mount=node.mount.mountpoint;if(!path)return mount;return mount[mount.length-1]!=="/"?`${mount}/${path}`:mount+path}path=path?`${node.name}/${path}`:node.name;node=node.parent;}},hashName(parentid,name){var hash=0;for(var i=0;i<name.length;i++){hash=(hash<<5)-hash+name.charCodeAt(i)|0;}return (parentid+hash>>>0)%FS.nameTable.length},hashAddNode(node){var hash=FS.hashName(node.parent.id,node.name);node.name_next=FS.nameTable[hash];FS.nameTable[hash]=node;},hashRemoveNode(node){var hash=FS.hashName(node.parent.id,node.name);if(FS.nameTable[hash]===node){FS.nameTable[hash]=node.name_next;}else {var current=FS.nameTable[hash];while(current){if(current.name_next===node){current.name_next=node.name_next;break}current=current.name_next;}}},lookupNode(parent,name){var errCode=FS.mayLookup(parent);if(errCode){throw new FS.ErrnoError(errCode)}var hash=FS.hashName(parent.id,name);for(var node=FS.nameTable[hash];node;node=node.name_next){var nodeName=node.name;if(node.parent.id===parent.id&&nodeName===name){return node}}return FS.lookup(parent,name)},createNode(parent,name,mode,rdev){var node=new FS.FSNode(parent,name,mode,rdev);FS.hashAddNode(node);return node},destroyNode(node){FS.hashRemoveNode(node);},isRoot(node){return node===node.parent},isMountpoint(node){return !!node.mounted},isFile(mode){return (mode&61440)===32768},isDir(mode){return (mode&61440)===16384},isLink(mode){return (mode&61440)===40960},isChrdev(mode){return (mode&61440)===8192},isBlkdev(mode){return (mode&61440)===24576},isFIFO(mode){return (mode&61440)===4096},isSocket(mode){return (mode&49152)===49152},flagsToPermissionString(flag){var perms=["r","w","rw"][flag&3];if(flag&512){perms+="w";}return perms},nodePermissions(node,perms){if(FS.ignorePermissions){return 0}if(perms.includes("r")&&!(node.mode&292)){return 2}if(perms.includes("w")&&!(node.mode&146)){return 2}if(perms.includes("x")&&!(node.mode&73)){return 2}return 0},mayLookup(dir){if(!FS.isDir(dir.mode))return 54;var errCode=FS.nodePermissions(dir,"x");if(errCode)return errCode;if(!dir.node_ops.lookup)return 2;return 0},mayCreate(dir,name){if(!FS.isDir(dir.mode)){return 54}try{var node=FS.lookupNode(dir,name);return 20}catch(e){}return FS.nodePermissions(dir,"wx")},mayDelete(dir,name,isdir){var node;try{node=FS.lookupNode(dir,name);}catch(e){return e.errno}var errCode=FS.nodePermissions(dir,"wx");if(errCode){return errCode}if(isdir){if(!FS.isDir(node.mode)){return 54}if(FS.isRoot(node)||FS.getPath(node)===FS.cwd()){return 10}}else if(FS.isDir(node.mode)){return 31}return 0},mayOpen(node,flags){if(!node){return 44}if(FS.isLink(node.mode)){return 32}var mode=FS.flagsToPermissionString(flags);if(FS.isDir(node.mode)){if(mode!=="r"||flags&(512|64)){return 31}}return FS.nodePermissions(node,mode)},checkOpExists(op,err){if(!op){throw new FS.ErrnoError(err)}return op},MAX_OPEN_FDS:4096,nextfd(){for(var fd=0;fd<=FS.MAX_OPEN_FDS;fd++){if(!FS.streams[fd]){return fd}}throw new FS.ErrnoError(33)},getStreamChecked(fd){var stream=FS.getStream(fd);if(!stream){throw new FS.ErrnoError(8)}return stream},getStream:fd=>FS.streams[fd],createStream(stream,fd=-1){stream=Object.assign(new FS.FSStream,stream);if(fd==-1){fd=FS.nextfd();}stream.fd=fd;FS.streams[fd]=stream;return stream},closeStream(fd){FS.streams[fd]=null;},dupStream(origStream,fd=-1){var stream=FS.createStream(origStream,fd);stream.stream_ops?.dup?.(stream);return stream},doSetAttr(stream,node,attr){var setattr=stream?.stream_ops.setattr;var arg=setattr?stream:node;setattr??=node.node_ops.setattr;FS.checkOpExists(setattr,63);try{setattr(arg,attr);}catch(e){if(e instanceof RangeError){throw new FS.ErrnoError(22)}throw e}},chrdev_stream_ops:{open(stream){var device=FS.getDevice(stream.node.rdev);stream.stream_ops=device.stream_ops;stream.stream_ops.open?.(stream);},llseek(){throw new FS.ErrnoError(70)}},major:dev=>dev>>8,minor:dev=>dev&255,makedev:(ma,mi)=>ma<<8|mi,registerDevice(dev,ops){FS.devices[dev]={stream_ops:ops};},getDevice:dev=>FS.devices[dev],getMounts(mount){var mounts=[];var check=[mount];while(check.length){var m=check.pop();mounts.push(m);check.push(...m.mounts);}return mounts},syncfs(populate,callback){if(typeof populate=="function"){callback=populate;populate=false;}FS.syncFSRequests++;if(FS.syncFSRequests>1){err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);}var mounts=FS.getMounts(FS.root.mount);var completed=0;function doCallback(errCode){FS.syncFSRequests--;return callback(errCode)}function done(errCode){if(errCode){if(!done.errored){done.errored=true;return doCallback(errCode)}return}if(++completed>=mounts.length){doCallback(null);}}for(var mount of mounts){if(mount.type.syncfs){mount.type.syncfs(mount,populate,done);}else {done(null);}}},mount(type,opts,mountpoint){var root=mountpoint==="/";var pseudo=!mountpoint;var node;if(root&&FS.root){throw new FS.ErrnoError(10)}else if(!root&&!pseudo){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});mountpoint=lookup.path;node=lookup.node;if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}if(!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}}var mount={type,opts,mountpoint,mounts:[]};var mountRoot=type.mount(mount);mountRoot.mount=mount;mount.root=mountRoot;if(root){FS.root=mountRoot;}else if(node){node.mounted=mount;if(node.mount){node.mount.mounts.push(mount);}}return mountRoot},unmount(mountpoint){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});if(!FS.isMountpoint(lookup.node)){throw new FS.ErrnoError(28)}var node=lookup.node;var mount=node.mounted;var mounts=FS.getMounts(mount);for(var[hash,current]of Object.entries(FS.nameTable)){while(current){var next=current.name_next;if(mounts.includes(current.mount)){FS.destroyNode(current);}current=next;}}node.mounted=null;var idx=node.mount.mounts.indexOf(mount);node.mount.mounts.splice(idx,1);},lookup(parent,name){return parent.node_ops.lookup(parent,name)},mknod(path,mode,dev){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);if(!name){throw new FS.ErrnoError(28)}if(name==="."||name===".."){throw new FS.ErrnoError(20)}var errCode=FS.mayCreate(parent,name);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.mknod){throw new FS.ErrnoError(63)}return parent.node_ops.mknod(parent,name,mode,dev)},statfs(path){return FS.statfsNode(FS.lookupPath(path,{follow:true}).node)},statfsStream(stream){return FS.statfsNode(stream.node)},statfsNode(node){var rtn={bsize:4096,frsize:4096,blocks:1e6,bfree:5e5,bavail:5e5,files:FS.nextInode,ffree:FS.nextInode-1,fsid:42,flags:2,namelen:255};if(node.node_ops.statfs){Object.assign(rtn,node.node_ops.statfs(node.mount.opts.root));}return rtn},create(path,mode=438){mode&=4095;mode|=32768;return FS.mknod(path,mode,0)},mkdir(path,mode=511){mode&=511|512;mode|=16384;return FS.mknod(path,mode,0)},mkdirTree(path,mode){var dirs=path.split("/");var d="";for(var dir of dirs){if(!dir)continue;if(d||PATH.isAbs(path))d+="/";d+=dir;try{FS.mkdir(d,mode);}catch(e){if(e.errno!=20)throw e}}},mkdev(path,mode,dev){if(typeof dev=="undefined"){dev=mode;mode=438;}mode|=8192;return FS.mknod(path,mode,dev)},symlink(oldpath,newpath){if(!PATH_FS.resolve(oldpath)){throw new FS.ErrnoError(44)}var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.symlink){throw new FS.ErrnoError(63)}return parent.node_ops.symlink(parent,newname,oldpath)},link(oldpath,newpath,flags){var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.link){throw new FS.ErrnoError(34)}return parent.node_ops.link(parent,newname,oldpath,flags)},rename(old_path,new_path){var old_dirname=PATH.dirname(old_path);var new_dirname=PATH.dirname(new_path);var old_name=PATH.basename(old_path);var new_name=PATH.basename(new_path);var lookup,old_dir,new_dir;lookup=FS.lookupPath(old_path,{parent:true});old_dir=lookup.node;lookup=FS.lookupPath(new_path,{parent:true});new_dir=lookup.node;if(!old_dir||!new_dir)throw new FS.ErrnoError(44);if(old_dir.mount!==new_dir.mount){throw new FS.ErrnoError(75)}var old_node=FS.lookupNode(old_dir,old_name);var relative=PATH_FS.relative(old_path,new_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(28)}relative=PATH_FS.relative(new_path,old_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(55)}var new_node;try{new_node=FS.lookupNode(new_dir,new_name);}catch(e){}if(old_node===new_node){return}var isdir=FS.isDir(old_node.mode);var errCode=FS.mayDelete(old_dir,old_name,isdir);if(errCode){throw new FS.ErrnoError(errCode)}errCode=new_node?FS.mayDelete(new_dir,new_name,isdir):FS.mayCreate(new_dir,new_name);if(errCode){throw new FS.ErrnoError(errCode)}if(!old_dir.node_ops.rename){throw new FS.ErrnoError(63)}if(FS.isMountpoint(old_node)||new_node&&FS.isMountpoint(new_node)){throw new FS.ErrnoError(10)}if(new_dir!==old_dir){errCode=FS.nodePermissions(old_dir,"w");if(errCode){throw new FS.ErrnoError(errCode)}}FS.hashRemoveNode(old_node);try{old_dir.node_ops.rename(old_node,new_dir,new_name);old_node.parent=new_dir;}catch(e){throw e}finally{FS.hashAddNode(old_node);}},rmdir(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,true);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.rmdir){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.rmdir(parent,name);FS.destroyNode(node);},readdir(path){var lookup=FS.lookupPath(path,{follow:true});var node=lookup.node;var readdir=FS.checkOpExists(node.node_ops.readdir,54);return readdir(node)},unlink(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,false);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.unlink){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.unlink(parent,name);FS.destroyNode(node);},readlink(path){var lookup=FS.lookupPath(path);var link=lookup.node;if(!link){throw new FS.ErrnoError(44)}if(!link.node_ops.readlink){throw new FS.ErrnoError(28)}return link.node_ops.readlink(link)},stat(path,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});var node=lookup.node;var getattr=FS.checkOpExists(node.node_ops.getattr,63);return getattr(node)},fstat(fd){var stream=FS.getStreamChecked(fd);var node=stream.node;var getattr=stream.stream_ops.getattr;var arg=getattr?stream:node;getattr??=node.node_ops.getattr;FS.checkOpExists(getattr,63);return getattr(arg)},lstat(path){return FS.stat(path,true)},doChmod(stream,node,mode,dontFollow){FS.doSetAttr(stream,node,{mode:mode&4095|node.mode&-4096,ctime:Date.now(),dontFollow});},chmod(path,mode,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node;}else {node=path;}FS.doChmod(null,node,mode,dontFollow);},lchmod(path,mode){FS.chmod(path,mode,true);},fchmod(fd,mode){var stream=FS.getStreamChecked(fd);FS.doChmod(stream,stream.node,mode,false);},doChown(stream,node,dontFollow){FS.doSetAttr(stream,node,{timestamp:Date.now(),dontFollow});},chown(path,uid,gid,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node;}else {node=path;}FS.doChown(null,node,dontFollow);},lchown(path,uid,gid){FS.chown(path,uid,gid,true);},fchown(fd,uid,gid){var stream=FS.getStreamChecked(fd);FS.doChown(stream,stream.node,false);},doTruncate(stream,node,len){if(FS.isDir(node.mode)){throw new FS.ErrnoError(31)}if(!FS.isFile(node.mode)){throw new FS.ErrnoError(28)}var errCode=FS.nodePermissions(node,"w");if(errCode){throw new FS.ErrnoError(errCode)}FS.doSetAttr(stream,node,{size:len,timestamp:Date.now()});},truncate(path,len){if(len<0){throw new FS.ErrnoError(28)}var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:true});node=lookup.node;}else {node=path;}FS.doTruncate(null,node,len);},ftruncate(fd,len){var stream=FS.getStreamChecked(fd);if(len<0||(stream.flags&2097155)===0){throw new FS.ErrnoError(28)}FS.doTruncate(stream,stream.node,len);},utime(path,atime,mtime,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});FS.doSetAttr(null,lookup.node,{atime,mtime,dontFollow});},open(path,flags,mode=438){if(path===""){throw new FS.ErrnoError(44)}flags=FS_modeStringToFlags(flags);if(flags&64){mode=mode&4095|32768;}else {mode=0;}var node;var isDirPath;if(typeof path=="object"){node=path;}else {isDirPath=path.endsWith("/");var lookup=FS.lookupPath(path,{follow:!(flags&131072),noent_okay:true});node=lookup.node;path=lookup.path;}var created=false;if(flags&64){if(node){if(flags&128){throw new FS.ErrnoError(20)}}else if(isDirPath){throw new FS.ErrnoError(31)}else {node=FS.mknod(path,mode|511,0);created=true;}}if(!node){throw new FS.ErrnoError(44)}if(FS.isChrdev(node.mode)){flags&=-513;}if(flags&65536&&!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}if(!created){var errCode=FS.mayOpen(node,flags);if(errCode){throw new FS.ErrnoError(errCode)}}if(flags&512&&!created){FS.truncate(node,0);}flags&=-131713;var stream=FS.createStream({node,path:FS.getPath(node),flags,seekable:true,position:0,stream_ops:node.stream_ops,ungotten:[],error:false});if(stream.stream_ops.open){stream.stream_ops.open(stream);}if(created){FS.chmod(node,mode&511);}return stream},close(stream){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(stream.getdents)stream.getdents=null;stream.node?.notifyListeners(32);try{if(stream.stream_ops.close){stream.stream_ops.close(stream);}}catch(e){throw e}finally{FS.closeStream(stream.fd);}stream.fd=null;},isClosed(stream){return stream.fd===null},llseek(stream,offset,whence){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(!stream.seekable||!stream.stream_ops.llseek){throw new FS.ErrnoError(70)}if(whence!=0&&whence!=1&&whence!=2){throw new FS.ErrnoError(28)}stream.position=stream.stream_ops.llseek(stream,offset,whence);stream.ungotten=[];return stream.position},read(stream,buffer,offset,length,position){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.read){throw new FS.ErrnoError(28)}var seeking=typeof position!="undefined";if(!seeking){position=stream.position;}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesRead=stream.stream_ops.read(stream,buffer,offset,length,position);if(!seeking)stream.position+=bytesRead;return bytesRead},write(stream,buffer,offset,length,position,canOwn){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===0){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.write){throw new FS.ErrnoError(28)}if(stream.seekable&&stream.flags&1024){FS.llseek(stream,0,2);}var seeking=typeof position!="undefined";if(!seeking){position=stream.position;}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesWritten=stream.stream_ops.write(stream,buffer,offset,length,position,canOwn);if(!seeking)stream.position+=bytesWritten;return bytesWritten},mmap(stream,length,position,prot,flags){if((prot&2)!==0&&(flags&2)===0&&(stream.flags&2097155)!==2){throw new FS.ErrnoError(2)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(2)}if(!stream.stream_ops.mmap){throw new FS.ErrnoError(43)}if(!length){throw new FS.ErrnoError(28)}return stream.stream_ops.mmap(stream,length,position,prot,flags)},msync(stream,buffer,offset,length,mmapFlags){if(!stream.stream_ops.msync){return 0}return stream.stream_ops.msync(stream,buffer,offset,length,mmapFlags)},ioctl(stream,cmd,arg){if(!stream.stream_ops.ioctl){throw new FS.ErrnoError(59)}return stream.stream_ops.ioctl(stream,cmd,arg)},readFile(path,opts={}){opts.flags=opts.flags??0;opts.encoding=opts.encoding??"binary";if(opts.encoding!=="utf8"&&opts.encoding!=="binary"){abort(`Invalid encoding type "${opts.encoding}"`);}var stream=FS.open(path,opts.flags);var stat=FS.stat(path);var length=stat.size;var buf=new Uint8Array(length);FS.read(stream,buf,0,length,0);if(opts.encoding==="utf8"){buf=UTF8ArrayToString(buf);}FS.close(stream);return buf},writeFile(path,data,opts={}){opts.flags=opts.flags??577;var stream=FS.open(path,opts.flags,opts.mode);data=FS_fileDataToTypedArray(data);FS.write(stream,data,0,data.byteLength,undefined,opts.canOwn);FS.close(stream);},cwd:()=>FS.currentPath,chdir(path){var lookup=FS.lookupPath(path,{follow:true});if(lookup.node===null){throw new FS.ErrnoError(44)}if(!FS.isDir(lookup.node.mode)){throw new FS.ErrnoError(54)}var errCode=FS.nodePermissions(lookup.node,"x");if(errCode){throw new FS.ErrnoError(errCode)}FS.currentPath=lookup.path;},createDefaultDirectories(){FS.mkdir("/tmp");FS.mkdir("/home");FS.mkdir("/home/web_user");},createDefaultDevices(){FS.mkdir("/dev");FS.registerDevice(FS.makedev(1,3),{read:()=>0,write:(stream,buffer,offset,length,pos)=>length,llseek:()=>0});FS.mkdev("/dev/null",FS.makedev(1,3));TTY.register(FS.makedev(5,0),TTY.default_tty_ops);TTY.register(FS.makedev(6,0),TTY.default_tty1_ops);FS.mkdev("/dev/tty",FS.makedev(5,0));FS.mkdev("/dev/tty1",FS.makedev(6,0));var randomBuffer=new Uint8Array(1024),randomLeft=0;var randomByte=()=>{if(randomLeft===0){randomFill(randomBuffer);randomLeft=randomBuffer.byteLength;}return randomBuffer[--randomLeft]};FS.createDevice("/dev","random",randomByte);FS.createDevice("/dev","urandom",randomByte);FS.mkdir("/dev/shm");FS.mkdir("/dev/shm/tmp");},createSpecialDirectories(){FS.mkdir("/proc");var proc_self=FS.mkdir("/proc/self");FS.mkdir("/proc/self/fd");FS.mount({mount(){var node=FS.createNode(proc_self,"fd",16895,73);node.stream_ops={llseek:MEMFS.stream_ops.llseek};node.node_ops={lookup(parent,name){var fd=+name;var stream=FS.getStreamChecked(fd);var ret={parent:null,mount:{mountpoint:"fake"},node_ops:{readlink:()=>stream.path},id:fd+1};ret.parent=ret;return ret},readdir(){return Array.from(FS.streams.entries()).filter(([k,v])=>v).map(([k,v])=>k.toString())}};return node}},{},"/proc/self/fd");},createStandardStreams(input,output,error){if(input){FS.createDevice("/dev","stdin",input);}else {FS.symlink("/dev/tty","/dev/stdin");}if(output){FS.createDevice("/dev","stdout",null,output);}else {FS.symlink("/dev/tty","/dev/stdout");}if(error){FS.createDevice("/dev","stderr",null,error);}else {FS.symlink("/dev/tty1","/dev/stderr");}FS.open("/dev/stdin",0);FS.open("/dev/stdout",1);FS.open("/dev/stderr",1);},staticInit(){FS.nameTable=new Array(4096);FS.mount(MEMFS,{},"/");FS.createDefaultDirectories();FS.createDefaultDevices();FS.createSpecialDirectories();FS.filesystems={MEMFS};},init(input,output,error){FS.initialized=true;input??=Module["stdin"];output??=Module["stdout"];error??=Module["stderr"];FS.createStandardStreams(input,output,error);},quit(){FS.initialized=false;for(var stream of FS.streams){if(stream){FS.close(stream);}}},findObject(path,dontResolveLastLink){var ret=FS.analyzePath(path,dontResolveLastLink);if(!ret.exists){return null}return ret.object},analyzePath(path,dontResolveLastLink){try{var lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});path=lookup.path;}catch(e){}var ret={isRoot:false,exists:false,error:0,name:null,path:null,object:null,parentExists:false,parentPath:null,parentObject:null};try{var lookup=FS.lookupPath(path,{parent:true});ret.parentExists=true;ret.parentPath=lookup.path;ret.parentObject=lookup.node;ret.name=PATH.basename(path);lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});ret.exists=true;ret.path=lookup.path;ret.object=lookup.node;ret.name=lookup.node.name;ret.isRoot=lookup.path==="/";}catch(e){ret.error=e.errno;}return ret},createPath(parent,path,canRead,canWrite){parent=typeof parent=="string"?parent:FS.getPath(parent);var parts=path.split("/").reverse();while(parts.length){var part=parts.pop();if(!part)continue;var current=PATH.join2(parent,part);try{FS.mkdir(current);}catch(e){if(e.errno!=20)throw e}parent=current;}return current},createFile(parent,name,properties,canRead,canWrite){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(canRead,canWrite);return FS.create(path,mode)},createDataFile(parent,name,data,canRead,canWrite,canOwn){var path=name;if(parent){parent=typeof parent=="string"?parent:FS.getPath(parent);path=name?PATH.join2(parent,name):parent;}var mode=FS_getMode(canRead,canWrite);var node=FS.create(path,mode);if(data){data=FS_fileDataToTypedArray(data);FS.chmod(node,mode|146);var stream=FS.open(node,577);FS.write(stream,data,0,data.length,0,canOwn);FS.close(stream);FS.chmod(node,mode);}},createDevice(parent,name,input,output){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(!!input,!!output);FS.createDevice.major??=64;var dev=FS.makedev(FS.createDevice.major++,0);FS.registerDevice(dev,{open(stream){stream.seekable=false;},close(stream){if(output?.buffer?.length){output(10);}},read(stream,buffer,offset,length,pos){var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=input();}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result;}if(bytesRead){stream.node.atime=Date.now();}return bytesRead},write(stream,buffer,offset,length,pos){for(var i=0;i<length;i++){try{output(buffer[offset+i]);}catch(e){throw new FS.ErrnoError(29)}}if(length){stream.node.mtime=stream.node.ctime=Date.now();}return i}});return FS.mkdev(path,mode,dev)},forceLoadFile(obj){if(obj.isDevice||obj.isFolder||obj.link||obj.contents)return true;if(globalThis.XMLHttpRequest){abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");}else {try{obj.contents=readBinary(obj.url);}catch(e){throw new FS.ErrnoError(29)}}},createLazyFile(parent,name,url,canRead,canWrite){class LazyUint8Array{lengthKnown=false;chunks=[];get(idx){if(idx>this.length-1||idx<0){return undefined}var chunkOffset=idx%this.chunkSize;var chunkNum=idx/this.chunkSize|0;return this.getter(chunkNum)[chunkOffset]}setDataGetter(getter){this.getter=getter;}cacheLength(){var xhr=new XMLHttpRequest;xhr.open("HEAD",url,false);xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);var datalength=Number(xhr.getResponseHeader("Content-length"));var header;var hasByteServing=(header=xhr.getResponseHeader("Accept-Ranges"))&&header==="bytes";var usesGzip=(header=xhr.getResponseHeader("Content-Encoding"))&&header==="gzip";var chunkSize=1024*1024;if(!hasByteServing)chunkSize=datalength;var doXHR=(from,to)=>{if(from>to)abort(`invalid range (${from}, ${to}) or no bytes requested!`);if(to>datalength-1)abort(`only ${datalength} bytes available! programmer error!`);var xhr=new XMLHttpRequest;xhr.open("GET",url,false);if(datalength!==chunkSize)xhr.setRequestHeader("Range","bytes="+from+"-"+to);xhr.responseType="arraybuffer";if(xhr.overrideMimeType){xhr.overrideMimeType("text/plain; charset=x-user-defined");}xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);if(xhr.response!==undefined){return new Uint8Array(xhr.response||[])}return intArrayFromString(xhr.responseText??"")};var lazyArray=this;lazyArray.setDataGetter(chunkNum=>{var start=chunkNum*chunkSize;var end=(chunkNum+1)*chunkSize-1;end=Math.min(end,datalength-1);if(typeof lazyArray.chunks[chunkNum]=="undefined"){lazyArray.chunks[chunkNum]=doXHR(start,end);}if(typeof lazyArray.chunks[chunkNum]=="undefined")abort("doXHR failed!");return lazyArray.chunks[chunkNum]});if(usesGzip||!datalength){chunkSize=datalength=1;datalength=this.getter(0).length;chunkSize=datalength;out("LazyFiles on gzip forces download of the whole file when length is accessed");}this._length=datalength;this._chunkSize=chunkSize;this.lengthKnown=true;}get length(){if(!this.lengthKnown){this.cacheLength();}return this._length}get chunkSize(){if(!this.lengthKnown){this.cacheLength();}return this._chunkSize}}if(globalThis.XMLHttpRequest){if(!ENVIRONMENT_IS_WORKER)abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");var lazyArray=new LazyUint8Array;var properties={isDevice:false,contents:lazyArray};}else {var properties={isDevice:false,url};}var node=FS.createFile(parent,name,properties,canRead,canWrite);if(properties.contents){node.contents=properties.contents;}else if(properties.url){node.contents=null;node.url=properties.url;}Object.defineProperties(node,{usedBytes:{get:function(){return this.contents.length}}});var stream_ops={};for(const[key,fn]of Object.entries(node.stream_ops)){stream_ops[key]=(...args)=>{FS.forceLoadFile(node);return fn(...args)};}function writeChunks(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=contents.length)return 0;var size=Math.min(contents.length-position,length);if(contents.slice){for(var i=0;i<size;i++){buffer[offset+i]=contents[position+i];}}else {for(var i=0;i<size;i++){buffer[offset+i]=contents.get(position+i);}}return size}stream_ops.read=(stream,buffer,offset,length,position)=>{FS.forceLoadFile(node);return writeChunks(stream,buffer,offset,length,position)};stream_ops.mmap=(stream,length,position,prot,flags)=>{FS.forceLoadFile(node);var ptr=mmapAlloc();if(!ptr){throw new FS.ErrnoError(48)}writeChunks(stream,HEAP8,ptr,length,position);return {ptr,allocated:true}};node.stream_ops=stream_ops;return node}};var SYSCALLS={currentUmask:18,calculateAt(dirfd,path,allowEmpty){if(PATH.isAbs(path)){return path}var dir;if(dirfd===-100){dir=FS.cwd();}else {var dirstream=SYSCALLS.getStreamFromFD(dirfd);dir=dirstream.path;}if(path.length==0){if(!allowEmpty){throw new FS.ErrnoError(44)}return dir}return dir+"/"+path},writeStat(buf,stat){HEAPU32[buf>>2]=stat.dev;HEAPU32[buf+4>>2]=stat.mode;HEAPU32[buf+8>>2]=stat.nlink;HEAPU32[buf+12>>2]=stat.uid;HEAPU32[buf+16>>2]=stat.gid;HEAPU32[buf+20>>2]=stat.rdev;HEAP64[buf+24>>3]=BigInt(stat.size);HEAP32[buf+32>>2]=4096;HEAP32[buf+36>>2]=stat.blocks;var atime=stat.atime.getTime();var mtime=stat.mtime.getTime();var ctime=stat.ctime.getTime();HEAP64[buf+40>>3]=BigInt(Math.floor(atime/1e3));HEAPU32[buf+48>>2]=atime%1e3*1e3*1e3;HEAP64[buf+56>>3]=BigInt(Math.floor(mtime/1e3));HEAPU32[buf+64>>2]=mtime%1e3*1e3*1e3;HEAP64[buf+72>>3]=BigInt(Math.floor(ctime/1e3));HEAPU32[buf+80>>2]=ctime%1e3*1e3*1e3;HEAP64[buf+88>>3]=BigInt(stat.ino);return 0},writeStatFs(buf,stats){HEAPU32[buf+4>>2]=stats.bsize;HEAPU32[buf+60>>2]=stats.bsize;HEAP64[buf+8>>3]=BigInt(stats.blocks);HEAP64[buf+16>>3]=BigInt(stats.bfree);HEAP64[buf+24>>3]=BigInt(stats.bavail);HEAP64[buf+32>>3]=BigInt(stats.files);HEAP64[buf+40>>3]=BigInt(stats.ffree);HEAPU32[buf+48>>2]=stats.fsid;HEAPU32[buf+64>>2]=stats.flags;HEAPU32[buf+56>>2]=stats.namelen;},doMsync(addr,stream,len,flags,offset){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}if(flags&2){return 0}var buffer=HEAPU8.subarray(addr,addr+len);FS.msync(stream,buffer,offset,len,flags);},getStreamFromFD(fd){var stream=FS.getStreamChecked(fd);return stream},varargs:undefined,getStr(ptr){var ret=UTF8ToString(ptr);return ret}};function _fd_close(fd){try{var stream=SYSCALLS.getStreamFromFD(fd);FS.close(stream);return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doReadv=(stream,iov,iovcnt,offset)=>{var ret=0;for(var i=0;i<iovcnt;i++){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];iov+=8;try{var curr=FS.read(stream,HEAP8,ptr,len,offset);}catch(e){if(ret>0&&e instanceof FS.ErrnoError&&(e.errno==6||e.errno==6)){break}throw e}if(curr<0)return  -1;ret+=curr;if(curr<len)break;}return ret};function _fd_read(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doReadv(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var INT53_MAX=9007199254740992;var INT53_MIN=-9007199254740992;var bigintToI53Checked=num=>num<INT53_MIN||num>INT53_MAX?NaN:Number(num);function _fd_seek(fd,offset,whence,newOffset){offset=bigintToI53Checked(offset);try{if(isNaN(offset))return 22;var stream=SYSCALLS.getStreamFromFD(fd);FS.llseek(stream,offset,whence);HEAP64[newOffset>>3]=BigInt(stream.position);if(stream.getdents&&offset===0&&whence===0)stream.getdents=null;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doWritev=(stream,iov,iovcnt,offset)=>{if(iovcnt==1){return FS.write(stream,HEAP8,HEAPU32[iov>>2],HEAPU32[iov+4>>2],offset)}var total=0;for(var i=0,p=iov;i<iovcnt;i++,p+=8){total+=HEAPU32[p+4>>2];}var view=new Uint8Array(total);var voff=0;for(var i=0;i<iovcnt;i++,iov+=8){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];view.set(HEAPU8.subarray(ptr,ptr+len),voff);voff+=len;}return FS.write(stream,view,0,total,offset)};function _fd_write(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doWritev(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var wasmTableMirror=[];var getWasmTableEntry=funcPtr=>{var func=wasmTableMirror[funcPtr];if(!func){wasmTableMirror[funcPtr]=func=wasmTable.get(funcPtr);}return func};var stringToUTF8=(str,outPtr,maxBytesToWrite)=>stringToUTF8Array(str,HEAPU8,outPtr,maxBytesToWrite);FS.createPreloadedFile=FS_createPreloadedFile;FS.preloadFile=FS_preloadFile;FS.staticInit();{if(Module["noExitRuntime"])noExitRuntime=Module["noExitRuntime"];if(Module["print"])out=Module["print"];if(Module["printErr"])err=Module["printErr"];if(Module["arguments"])Module["arguments"];if(Module["thisProgram"])Module["thisProgram"];var preInit=Module["preInit"];if(preInit){if(typeof preInit=="function")Module["preInit"]=preInit=[preInit];while(preInit.length>0){preInit.shift()();}}}Module["getValue"]=getValue;Module["UTF8ToString"]=UTF8ToString;Module["stringToUTF8"]=stringToUTF8;Module["lengthBytesUTF8"]=lengthBytesUTF8;var __emscripten_timeout,_setThrew,__emscripten_stack_restore,_emscripten_stack_get_current,wasmMemory,wasmTable;function assignWasmExports(wasmExports){Module["_wasm_parse_query"]=wasmExports["B"];Module["_malloc"]=wasmExports["C"];Module["_free"]=wasmExports["E"];Module["_wasm_parse_query_raw"]=wasmExports["F"];Module["_wasm_free_parse_result"]=wasmExports["G"];Module["_wasm_parse_plpgsql"]=wasmExports["H"];Module["_wasm_fingerprint"]=wasmExports["I"];Module["_wasm_normalize_query"]=wasmExports["J"];Module["_wasm_parse_query_detailed"]=wasmExports["K"];Module["_wasm_free_detailed_result"]=wasmExports["L"];Module["_wasm_scan"]=wasmExports["M"];Module["_wasm_free_string"]=wasmExports["N"];__emscripten_timeout=wasmExports["O"];_setThrew=wasmExports["P"];__emscripten_stack_restore=wasmExports["Q"];_emscripten_stack_get_current=wasmExports["R"];wasmMemory=wasmExports["z"];wasmTable=wasmExports["D"];}var wasmImports={c:___assert_fail,x:__abort_js,w:__emscripten_runtime_keepalive_clear,p:__emscripten_throw_longjmp,o:__setitimer_js,q:_emscripten_resize_heap,m:_exit,u:_fd_close,r:_fd_read,s:_fd_seek,t:_fd_write,g:invoke_i,b:invoke_ii,a:invoke_iii,d:invoke_iiii,k:invoke_iiiii,l:invoke_ji,e:invoke_v,f:invoke_vi,h:invoke_vii,j:invoke_viii,i:invoke_viiii,y:invoke_viiiii,n:invoke_viiiiiiiiiiiii,v:_proc_exit};function invoke_iii(index,a1,a2){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_ii(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_i(index){var sp=stackSave();try{return getWasmTableEntry(index)()}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_v(index){var sp=stackSave();try{getWasmTableEntry(index)();}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_iiii(index,a1,a2,a3){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viiii(index,a1,a2,a3,a4){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viiiiiiiiiiiii(index,a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_iiiii(index,a1,a2,a3,a4){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3,a4)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viii(index,a1,a2,a3){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_vi(index,a1){var sp=stackSave();try{getWasmTableEntry(index)(a1);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_vii(index,a1,a2){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viiiii(index,a1,a2,a3,a4,a5){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_ji(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);return 0n}}async function run(){preRun();if(runDependencies){await resolveRunDependencies();}var setStatus=Module["setStatus"];if(setStatus){setStatus("Running...");await new Promise(resolve=>setTimeout(resolve,1));setTimeout(setStatus,1,"");}if(ABORT)return;initRuntime();Module["onRuntimeInitialized"]?.();postRun();}var wasmExports;wasmExports=await createWasm();await run();
return Module}})();{module.exports=PgQueryModule;module.exports.default=PgQueryModule;} 
	} (libpgQuery));
	return libpgQuery.exports;
}

var libpgQueryExports = requireLibpgQuery();
var PgQueryModule = /*@__PURE__*/getDefaultExportFromCjs(libpgQueryExports);

/**
 * DO NOT MODIFY MANUALLY — this is generated from the templates dir
 *
 * To make changes, edit the files in the templates/ directory and run:
 * npm run copy:templates
 */
class SqlError extends Error {
    sqlDetails;
    constructor(message, details) {
        super(message);
        this.name = 'SqlError';
        this.sqlDetails = details;
    }
}
let wasmModule;
const initPromise = PgQueryModule().then((module) => {
    wasmModule = module;
});
function ensureLoaded() {
    if (!wasmModule)
        throw new Error("WASM module not initialized. Call `loadModule()` first.");
}
async function loadModule() {
    if (!wasmModule) {
        await initPromise;
    }
}
function stringToPtr(str) {
    ensureLoaded();
    if (typeof str !== 'string') {
        throw new TypeError(`Expected a string, got ${typeof str}`);
    }
    const len = wasmModule.lengthBytesUTF8(str) + 1;
    const ptr = wasmModule._malloc(len);
    try {
        wasmModule.stringToUTF8(str, ptr, len);
        return ptr;
    }
    catch (error) {
        wasmModule._free(ptr);
        throw error;
    }
}
function ptrToString(ptr) {
    ensureLoaded();
    if (typeof ptr !== 'number') {
        throw new TypeError(`Expected a number, got ${typeof ptr}`);
    }
    return wasmModule.UTF8ToString(ptr);
}
// Sync versions
function parseSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    // Input validation
    if (query === null || query === undefined) {
        throw new Error('Query cannot be null or undefined');
    }
    if (query === '') {
        throw new Error('Query cannot be empty');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
            throw new Error('Failed to parse query: memory allocation failed');
        }
        // Read the PgQueryParseResult struct
        const parseTreePtr = wasmModule.getValue(resultPtr, 'i32');
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, 'i32');
        const errorPtr = wasmModule.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            // Read PgQueryError struct
            const messagePtr = wasmModule.getValue(errorPtr, 'i32');
            const funcnamePtr = wasmModule.getValue(errorPtr + 4, 'i32');
            const filenamePtr = wasmModule.getValue(errorPtr + 8, 'i32');
            const lineno = wasmModule.getValue(errorPtr + 12, 'i32');
            const cursorpos = wasmModule.getValue(errorPtr + 16, 'i32');
            const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : 'Unknown error';
            const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : undefined;
            const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : undefined;
            throw new SqlError(message, {
                message,
                cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0, // Convert to 0-based
                fileName: filename,
                functionName: funcname,
                lineNumber: lineno > 0 ? lineno : undefined
            });
        }
        if (!parseTreePtr) {
            throw new Error('No parse tree generated');
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_parse_result(resultPtr);
        }
    }
}
function scanSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}

const DIRECTIVE = /db-migrate:ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(.*)$/;
function parseIgnoreDirectives(comment, line) {
  const directives = [];
  comment.split("\n").forEach((text, i) => {
    const match = DIRECTIVE.exec(text.replace(/\*\/\s*$/, ""));
    if (!match) return;
    const reason = (match[2] ?? "").trim();
    for (const rule of match[1].split(",")) directives.push({ rule: rule.trim(), reason, line: line + i });
  });
  return directives;
}

const COPY_FROM_STDIN = /\bFROM\s+STDIN\b[^;]*;\s*(--.*)?$/i;
function maskNonSql(text) {
  const lines = text.split("\n");
  const copyData = /* @__PURE__ */ new Map();
  const metaCommands = [];
  let statementSoFar = "";
  let copyStartLine = 0;
  let copyRows = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (copyRows) {
      if (line.replace(/\r$/, "") === "\\.") {
        copyData.set(copyStartLine, copyRows.join("\n"));
        copyRows = null;
      } else {
        copyRows.push(line);
      }
      lines[i] = blank(line);
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith("\\") && !withoutLineComments(statementSoFar).trim()) {
      metaCommands.push({ line: i + 1, command: trimmed.split(/\s+/)[0], text: trimmed });
      lines[i] = blank(line);
      continue;
    }
    statementSoFar += `${line}
`;
    if (COPY_FROM_STDIN.test(line) && /^\s*COPY\b/i.test(lastStatement(statementSoFar))) {
      copyStartLine = i + 1;
      copyRows = [];
    }
    if (line.includes(";")) statementSoFar = statementSoFar.slice(statementSoFar.lastIndexOf(";") + 1);
  }
  if (copyRows) copyData.set(copyStartLine, copyRows.join("\n"));
  return { text: lines.join("\n"), copyData, metaCommands };
}
function lastStatement(sofar) {
  const withoutLastSemicolon = sofar.slice(0, sofar.lastIndexOf(";"));
  const previous = withoutLastSemicolon.lastIndexOf(";");
  return withoutLastSemicolon.slice(previous + 1).replace(/^(\s*--[^\n]*\n)*/, "");
}
function withoutLineComments(sql) {
  return sql.replace(/--[^\n]*/g, "");
}
function blank(line) {
  return " ".repeat(Buffer.byteLength(line, "utf8"));
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}|\$\{\s*([^{}\s]+)\s*\}/g;
function findPlaceholders(sql) {
  return [...new Set([...sql.matchAll(PLACEHOLDER)].map((m) => m[0]))];
}
function substitutePlaceholders(text, vars) {
  return text.replace(PLACEHOLDER, (whole, jinja, dollar) => {
    const name = (jinja ?? dollar ?? "").trim();
    return Object.hasOwn(vars, name) ? vars[name] : whole;
  });
}

let loading;
function loadParser() {
  loading ??= loadModule();
  return loading;
}
const COMMENT_TOKENS = /* @__PURE__ */ new Set(["SQL_COMMENT", "C_COMMENT"]);
const SEMICOLON = ";";
function parseSql(text, path, options = {}) {
  const problems = [];
  const source = options.templateVars ? substitutePlaceholders(text, options.templateVars) : text;
  const masked = maskNonSql(source);
  const bytes = Buffer.from(masked.text, "utf8");
  const original = Buffer.from(source, "utf8");
  const locate = lineLocator(bytes, options.lineOffset ?? 0);
  const tokens = scanTokens(masked.text);
  const comments = tokens.filter((t) => COMMENT_TOKENS.has(t.tokenName));
  const codeTokens = tokens.filter((t) => !COMMENT_TOKENS.has(t.tokenName));
  const chunks = statementChunks(masked.text, codeTokens, problems, path, locate);
  const statements = [];
  const ends = [];
  for (const chunk of chunks) {
    const firstIndex = firstTokenAtOrAfter(codeTokens, chunk.start);
    const first = codeTokens[firstIndex];
    if (!first || first.end > chunk.end) continue;
    const lastToken = codeTokens[firstTokenAtOrAfter(codeTokens, chunk.end) - 1];
    const start = first.start;
    const end = lastToken.text === SEMICOLON ? lastToken.start : lastToken.end;
    const sql = original.subarray(start, end).toString("utf8").trim();
    const span = spanOf(locate, start, lastToken.end);
    const statement = { sql, ast: null, kind: "Unparsed", path, span, ignores: [] };
    ends.push(lastToken.end);
    const copyData = masked.copyData.get(locate(lastToken.end).line);
    if (copyData !== void 0) statement.copyData = copyData;
    statements.push(statement);
    const placeholders = findPlaceholders(sql);
    if (placeholders.length > 0) {
      problems.push({
        rule: "templated-sql",
        severity: "error",
        path,
        span,
        message: `templated SQL: placeholder ${placeholders.map((p) => `\`${p}\``).join(", ")} is filled in by a tool before PostgreSQL sees it, so this statement cannot be analysed`,
        fix: "give its value under `templates.vars` in .db-migrate.yml, or exclude the file with `exclude`"
      });
      continue;
    }
    if (chunk.ast) {
      statement.ast = chunk.ast;
      statement.kind = Object.keys(chunk.ast)[0] ?? "Unknown";
      continue;
    }
    try {
      const raw = parseSync(sql).stmts?.[0];
      if (raw?.stmt) {
        statement.ast = raw.stmt;
        statement.kind = Object.keys(raw.stmt)[0] ?? "Unknown";
      }
    } catch (error) {
      problems.push(parseProblem(error, sql, path, start, original, locate));
    }
  }
  attachDirectives(statements, ends, comments, codeTokens, locate);
  for (const meta of masked.metaCommands) {
    if (meta.command === "\\i" || meta.command === "\\ir" || meta.command === "\\include") {
      problems.push({
        rule: "unanalyzed-operation",
        severity: "info",
        path,
        span: { line: meta.line + (options.lineOffset ?? 0), column: 1, endLine: meta.line, endColumn: 1 },
        message: `psql \`${meta.command}\` includes another file; its statements are not analysed here`
      });
    }
  }
  return { statements, problems };
}
function scanTokens(text) {
  try {
    return scanSync(text).tokens;
  } catch {
    return [];
  }
}
function statementChunks(text, codeTokens, problems, path, locate) {
  try {
    const parsed = parseSync(text);
    const byteLength = Buffer.byteLength(text, "utf8");
    return (parsed.stmts ?? []).map((raw) => {
      const start = raw.stmt_location ?? 0;
      const len = raw.stmt_len ?? 0;
      const end = len > 0 ? start + len : byteLength;
      const next = codeTokens[firstTokenAtOrAfter(codeTokens, end)];
      return { start, end: next?.text === SEMICOLON ? next.end : end, ...raw.stmt ? { ast: raw.stmt } : {} };
    });
  } catch {
    if (codeTokens.length === 0 && text.trim().length > 0) {
      problems.push({
        rule: "parse-error",
        severity: "error",
        path,
        span: spanOf(locate, 0, 0),
        message: "the file could not be tokenised as SQL (an unterminated quote or comment?)",
        fix: "check quotes and dollar-quoted bodies are closed"
      });
      return [];
    }
    const chunks = [];
    let start = 0;
    for (const token of codeTokens) {
      if (token.text === SEMICOLON) {
        chunks.push({ start, end: token.end });
        start = token.end;
      }
    }
    const tail = codeTokens.at(-1);
    if (tail && tail.end > start) chunks.push({ start, end: tail.end });
    return chunks;
  }
}
function firstTokenAtOrAfter(tokens, offset) {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (tokens[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
function firstEndAfter(ends, offset) {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (ends[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low === ends.length ? -1 : low;
}
function attachDirectives(statements, ends, comments, codeTokens, locate) {
  for (const comment of comments) {
    const directives = parseIgnoreDirectives(comment.text, locate(comment.start).line);
    if (directives.length === 0) continue;
    const line = locate(comment.start).line;
    let owner = firstEndAfter(ends, comment.start);
    const previous = owner === -1 ? statements.length - 1 : owner - 1;
    const before = statements[previous];
    if (before && before.span.endLine === line && !codeBetween(codeTokens, ends[previous], comment.start)) {
      owner = previous;
    }
    statements[owner]?.ignores.push(...directives);
  }
}
function codeBetween(tokens, from, to) {
  for (let i = firstTokenAtOrAfter(tokens, from); i < tokens.length && tokens[i].start < to; i++) {
    if (tokens[i].text !== SEMICOLON) return true;
  }
  return false;
}
function parseProblem(error, sql, path, statementStart, original, locate) {
  const details = error.sqlDetails;
  const message = error instanceof Error ? error.message : String(error);
  const leading = original.subarray(statementStart).toString("utf8").length - original.subarray(statementStart).toString("utf8").trimStart().length;
  const offset = statementStart + leading + Math.max(0, details?.cursorPosition ?? 0);
  const at = locate(Math.min(offset, original.length));
  return {
    rule: "parse-error",
    severity: "error",
    path,
    span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column },
    message: `PostgreSQL cannot parse this statement: ${message}`,
    fix: `fix the SQL near line ${at.line}, column ${at.column}; the rest of the file is still analysed (statement starts: ${sql.slice(0, 60).replace(/\s+/g, " ")})`
  };
}
function lineLocator(bytes, lineOffset) {
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = lineStarts[low];
    const column = bytes.subarray(lineStart, offset).toString("utf8").length + 1;
    return { line: low + 1 + lineOffset, column };
  };
}
function spanOf(locate, start, end) {
  const a = locate(start);
  const b = locate(Math.max(start, end - 1));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

var functions = {
	RI_FKey_cascade_del: "volatile",
	RI_FKey_cascade_upd: "volatile",
	RI_FKey_check_ins: "volatile",
	RI_FKey_check_upd: "volatile",
	RI_FKey_noaction_del: "volatile",
	RI_FKey_noaction_upd: "volatile",
	RI_FKey_restrict_del: "volatile",
	RI_FKey_restrict_upd: "volatile",
	RI_FKey_setdefault_del: "volatile",
	RI_FKey_setdefault_upd: "volatile",
	RI_FKey_setnull_del: "volatile",
	RI_FKey_setnull_upd: "volatile",
	_int_contained: "immutable",
	_int_contained_joinsel: "stable",
	_int_contained_sel: "stable",
	_int_contains: "immutable",
	_int_contains_joinsel: "stable",
	_int_contains_sel: "stable",
	_int_different: "immutable",
	_int_inter: "immutable",
	_int_matchsel: "stable",
	_int_overlap: "immutable",
	_int_overlap_joinsel: "stable",
	_int_overlap_sel: "stable",
	_int_same: "immutable",
	_int_union: "immutable",
	_intbig_in: "immutable",
	_intbig_out: "immutable",
	_lt_q_regex: "immutable",
	_lt_q_rregex: "immutable",
	_ltq_extract_regex: "immutable",
	_ltq_regex: "immutable",
	_ltq_rregex: "immutable",
	_ltree_compress: "immutable",
	_ltree_consistent: "immutable",
	_ltree_extract_isparent: "immutable",
	_ltree_extract_risparent: "immutable",
	_ltree_gist_options: "immutable",
	_ltree_isparent: "immutable",
	_ltree_penalty: "immutable",
	_ltree_picksplit: "immutable",
	_ltree_r_isparent: "immutable",
	_ltree_r_risparent: "immutable",
	_ltree_risparent: "immutable",
	_ltree_same: "immutable",
	_ltree_union: "immutable",
	_ltxtq_exec: "immutable",
	_ltxtq_extract_exec: "immutable",
	_ltxtq_rexec: "immutable",
	_pg_char_max_length: "immutable",
	_pg_char_octet_length: "immutable",
	_pg_datetime_precision: "immutable",
	_pg_expandarray: "immutable",
	_pg_index_position: "stable",
	_pg_interval_type: "immutable",
	_pg_numeric_precision: "immutable",
	_pg_numeric_precision_radix: "immutable",
	_pg_numeric_scale: "immutable",
	_pg_truetypid: "immutable",
	_pg_truetypmod: "immutable",
	abbrev: "immutable",
	abs: "immutable",
	aclcontains: "immutable",
	acldefault: "immutable",
	aclexplode: "stable",
	aclinsert: "immutable",
	aclitemeq: "immutable",
	aclitemin: "stable",
	aclitemout: "stable",
	aclremove: "immutable",
	acos: "immutable",
	acosd: "immutable",
	acosh: "immutable",
	age: "stable",
	akeys: "immutable",
	amvalidate: "volatile",
	any_in: "immutable",
	any_out: "immutable",
	any_value: "immutable",
	any_value_transfn: "immutable",
	anyarray_in: "immutable",
	anyarray_out: "stable",
	anyarray_recv: "stable",
	anyarray_send: "stable",
	anycompatible_in: "immutable",
	anycompatible_out: "immutable",
	anycompatiblearray_in: "immutable",
	anycompatiblearray_out: "stable",
	anycompatiblearray_recv: "stable",
	anycompatiblearray_send: "stable",
	anycompatiblemultirange_in: "stable",
	anycompatiblemultirange_out: "stable",
	anycompatiblenonarray_in: "immutable",
	anycompatiblenonarray_out: "immutable",
	anycompatiblerange_in: "stable",
	anycompatiblerange_out: "stable",
	anyelement_in: "immutable",
	anyelement_out: "immutable",
	anyenum_in: "immutable",
	anyenum_out: "stable",
	anymultirange_in: "stable",
	anymultirange_out: "stable",
	anynonarray_in: "immutable",
	anynonarray_out: "immutable",
	anyrange_in: "stable",
	anyrange_out: "stable",
	anytextcat: "stable",
	area: "immutable",
	areajoinsel: "stable",
	areasel: "stable",
	armor: "immutable",
	array_agg: "immutable",
	array_agg_array_combine: "immutable",
	array_agg_array_deserialize: "immutable",
	array_agg_array_finalfn: "immutable",
	array_agg_array_serialize: "immutable",
	array_agg_array_transfn: "immutable",
	array_agg_combine: "immutable",
	array_agg_deserialize: "immutable",
	array_agg_finalfn: "immutable",
	array_agg_serialize: "immutable",
	array_agg_transfn: "immutable",
	array_append: "immutable",
	array_append_support: "immutable",
	array_cat: "immutable",
	array_dims: "immutable",
	array_eq: "immutable",
	array_fill: "immutable",
	array_ge: "immutable",
	array_gt: "immutable",
	array_in: "stable",
	array_larger: "immutable",
	array_le: "immutable",
	array_length: "immutable",
	array_lower: "immutable",
	array_lt: "immutable",
	array_ndims: "immutable",
	array_ne: "immutable",
	array_out: "stable",
	array_position: "immutable",
	array_positions: "immutable",
	array_prepend: "immutable",
	array_prepend_support: "immutable",
	array_recv: "stable",
	array_remove: "immutable",
	array_replace: "immutable",
	array_reverse: "immutable",
	array_sample: "volatile",
	array_send: "stable",
	array_shuffle: "volatile",
	array_smaller: "immutable",
	array_sort: "immutable",
	array_subscript_handler: "immutable",
	array_subscript_handler_support: "immutable",
	array_to_json: "stable",
	array_to_string: "stable",
	array_to_tsvector: "immutable",
	array_typanalyze: "stable",
	array_unnest_support: "immutable",
	array_upper: "immutable",
	arraycontained: "immutable",
	arraycontains: "immutable",
	arraycontjoinsel: "stable",
	arraycontsel: "stable",
	arrayoverlap: "immutable",
	ascii: "immutable",
	asin: "immutable",
	asind: "immutable",
	asinh: "immutable",
	atan: "immutable",
	atan2: "immutable",
	atan2d: "immutable",
	atand: "immutable",
	atanh: "immutable",
	avals: "immutable",
	avg: "immutable",
	bernoulli: "volatile",
	big5_to_euc_tw: "immutable",
	big5_to_mic: "immutable",
	big5_to_utf8: "immutable",
	binary_upgrade_add_sub_rel_state: "volatile",
	binary_upgrade_create_empty_extension: "volatile",
	binary_upgrade_logical_slot_has_caught_up: "volatile",
	binary_upgrade_replorigin_advance: "volatile",
	binary_upgrade_set_missing_value: "volatile",
	binary_upgrade_set_next_array_pg_type_oid: "volatile",
	binary_upgrade_set_next_heap_pg_class_oid: "volatile",
	binary_upgrade_set_next_heap_relfilenode: "volatile",
	binary_upgrade_set_next_index_pg_class_oid: "volatile",
	binary_upgrade_set_next_index_relfilenode: "volatile",
	binary_upgrade_set_next_multirange_array_pg_type_oid: "volatile",
	binary_upgrade_set_next_multirange_pg_type_oid: "volatile",
	binary_upgrade_set_next_pg_authid_oid: "volatile",
	binary_upgrade_set_next_pg_enum_oid: "volatile",
	binary_upgrade_set_next_pg_tablespace_oid: "volatile",
	binary_upgrade_set_next_pg_type_oid: "volatile",
	binary_upgrade_set_next_toast_pg_class_oid: "volatile",
	binary_upgrade_set_next_toast_relfilenode: "volatile",
	binary_upgrade_set_record_init_privs: "volatile",
	bit: "immutable",
	bit_and: "immutable",
	bit_count: "immutable",
	bit_in: "immutable",
	bit_length: "immutable",
	bit_or: "immutable",
	bit_out: "immutable",
	bit_recv: "immutable",
	bit_send: "immutable",
	bit_xor: "immutable",
	bitand: "immutable",
	bitcat: "immutable",
	bitcmp: "immutable",
	biteq: "immutable",
	bitge: "immutable",
	bitgt: "immutable",
	bitle: "immutable",
	bitlt: "immutable",
	bitne: "immutable",
	bitnot: "immutable",
	bitor: "immutable",
	bitshiftleft: "immutable",
	bitshiftright: "immutable",
	bittypmodin: "immutable",
	bittypmodout: "immutable",
	bitxor: "immutable",
	bool: "immutable",
	bool_accum: "immutable",
	bool_accum_inv: "immutable",
	bool_alltrue: "immutable",
	bool_and: "immutable",
	bool_anytrue: "immutable",
	bool_or: "immutable",
	booland_statefunc: "immutable",
	booleq: "immutable",
	boolge: "immutable",
	boolgt: "immutable",
	boolin: "immutable",
	boolle: "immutable",
	boollt: "immutable",
	boolne: "immutable",
	boolop: "immutable",
	boolor_statefunc: "immutable",
	boolout: "immutable",
	boolrecv: "immutable",
	boolsend: "immutable",
	bound_box: "immutable",
	box: "immutable",
	box_above: "immutable",
	box_above_eq: "immutable",
	box_add: "immutable",
	box_below: "immutable",
	box_below_eq: "immutable",
	box_center: "immutable",
	box_contain: "immutable",
	box_contain_pt: "immutable",
	box_contained: "immutable",
	box_distance: "immutable",
	box_div: "immutable",
	box_eq: "immutable",
	box_ge: "immutable",
	box_gt: "immutable",
	box_in: "immutable",
	box_intersect: "immutable",
	box_le: "immutable",
	box_left: "immutable",
	box_lt: "immutable",
	box_mul: "immutable",
	box_out: "immutable",
	box_overabove: "immutable",
	box_overbelow: "immutable",
	box_overlap: "immutable",
	box_overleft: "immutable",
	box_overright: "immutable",
	box_recv: "immutable",
	box_right: "immutable",
	box_same: "immutable",
	box_send: "immutable",
	box_sub: "immutable",
	bpchar: "immutable",
	bpchar_larger: "immutable",
	bpchar_pattern_ge: "immutable",
	bpchar_pattern_gt: "immutable",
	bpchar_pattern_le: "immutable",
	bpchar_pattern_lt: "immutable",
	bpchar_smaller: "immutable",
	bpchar_sortsupport: "immutable",
	bpcharcmp: "immutable",
	bpchareq: "immutable",
	bpcharge: "immutable",
	bpchargt: "immutable",
	bpchariclike: "immutable",
	bpcharicnlike: "immutable",
	bpcharicregexeq: "immutable",
	bpcharicregexne: "immutable",
	bpcharin: "immutable",
	bpcharle: "immutable",
	bpcharlike: "immutable",
	bpcharlt: "immutable",
	bpcharne: "immutable",
	bpcharnlike: "immutable",
	bpcharout: "immutable",
	bpcharrecv: "stable",
	bpcharregexeq: "immutable",
	bpcharregexne: "immutable",
	bpcharsend: "stable",
	bpchartypmodin: "immutable",
	bpchartypmodout: "immutable",
	bqarr_in: "immutable",
	bqarr_out: "immutable",
	brin_bloom_add_value: "immutable",
	brin_bloom_consistent: "immutable",
	brin_bloom_opcinfo: "immutable",
	brin_bloom_options: "immutable",
	brin_bloom_summary_in: "immutable",
	brin_bloom_summary_out: "immutable",
	brin_bloom_summary_recv: "stable",
	brin_bloom_summary_send: "stable",
	brin_bloom_union: "immutable",
	brin_desummarize_range: "volatile",
	brin_inclusion_add_value: "immutable",
	brin_inclusion_consistent: "immutable",
	brin_inclusion_opcinfo: "immutable",
	brin_inclusion_union: "immutable",
	brin_minmax_add_value: "immutable",
	brin_minmax_consistent: "immutable",
	brin_minmax_multi_add_value: "immutable",
	brin_minmax_multi_consistent: "immutable",
	brin_minmax_multi_distance_date: "immutable",
	brin_minmax_multi_distance_float4: "immutable",
	brin_minmax_multi_distance_float8: "immutable",
	brin_minmax_multi_distance_inet: "immutable",
	brin_minmax_multi_distance_int2: "immutable",
	brin_minmax_multi_distance_int4: "immutable",
	brin_minmax_multi_distance_int8: "immutable",
	brin_minmax_multi_distance_interval: "immutable",
	brin_minmax_multi_distance_macaddr: "immutable",
	brin_minmax_multi_distance_macaddr8: "immutable",
	brin_minmax_multi_distance_numeric: "immutable",
	brin_minmax_multi_distance_pg_lsn: "immutable",
	brin_minmax_multi_distance_tid: "immutable",
	brin_minmax_multi_distance_time: "immutable",
	brin_minmax_multi_distance_timestamp: "immutable",
	brin_minmax_multi_distance_timetz: "immutable",
	brin_minmax_multi_distance_uuid: "immutable",
	brin_minmax_multi_opcinfo: "immutable",
	brin_minmax_multi_options: "immutable",
	brin_minmax_multi_summary_in: "immutable",
	brin_minmax_multi_summary_out: "immutable",
	brin_minmax_multi_summary_recv: "stable",
	brin_minmax_multi_summary_send: "stable",
	brin_minmax_multi_union: "immutable",
	brin_minmax_opcinfo: "immutable",
	brin_minmax_union: "immutable",
	brin_summarize_new_values: "volatile",
	brin_summarize_range: "volatile",
	brinhandler: "volatile",
	broadcast: "immutable",
	btarraycmp: "immutable",
	btboolcmp: "immutable",
	btboolskipsupport: "immutable",
	btbpchar_pattern_cmp: "immutable",
	btbpchar_pattern_sortsupport: "immutable",
	btcharcmp: "immutable",
	btcharskipsupport: "immutable",
	btean13cmp: "immutable",
	btequalimage: "immutable",
	btfloat48cmp: "immutable",
	btfloat4cmp: "immutable",
	btfloat4sortsupport: "immutable",
	btfloat84cmp: "immutable",
	btfloat8cmp: "immutable",
	btfloat8sortsupport: "immutable",
	bthandler: "volatile",
	btint24cmp: "immutable",
	btint28cmp: "immutable",
	btint2cmp: "immutable",
	btint2skipsupport: "immutable",
	btint2sortsupport: "immutable",
	btint42cmp: "immutable",
	btint48cmp: "immutable",
	btint4cmp: "immutable",
	btint4skipsupport: "immutable",
	btint4sortsupport: "immutable",
	btint82cmp: "immutable",
	btint84cmp: "immutable",
	btint8cmp: "immutable",
	btint8skipsupport: "immutable",
	btint8sortsupport: "immutable",
	btisbn13cmp: "immutable",
	btisbncmp: "immutable",
	btismn13cmp: "immutable",
	btismncmp: "immutable",
	btissn13cmp: "immutable",
	btissncmp: "immutable",
	btnamecmp: "immutable",
	btnamesortsupport: "immutable",
	btnametextcmp: "immutable",
	btoidcmp: "immutable",
	btoidskipsupport: "immutable",
	btoidsortsupport: "immutable",
	btoidvectorcmp: "immutable",
	btrecordcmp: "immutable",
	btrecordimagecmp: "immutable",
	btrim: "immutable",
	bttext_pattern_cmp: "immutable",
	bttext_pattern_sortsupport: "immutable",
	bttextcmp: "immutable",
	bttextnamecmp: "immutable",
	bttextsortsupport: "immutable",
	bttidcmp: "immutable",
	btupccmp: "immutable",
	btvarstrequalimage: "immutable",
	bytea: "immutable",
	bytea_larger: "immutable",
	bytea_smaller: "immutable",
	bytea_sortsupport: "immutable",
	bytea_string_agg_finalfn: "immutable",
	bytea_string_agg_transfn: "immutable",
	byteacat: "immutable",
	byteacmp: "immutable",
	byteaeq: "immutable",
	byteage: "immutable",
	byteagt: "immutable",
	byteain: "immutable",
	byteale: "immutable",
	bytealike: "immutable",
	bytealt: "immutable",
	byteane: "immutable",
	byteanlike: "immutable",
	byteaout: "immutable",
	bytearecv: "immutable",
	byteasend: "immutable",
	cardinality: "immutable",
	casefold: "immutable",
	cash_cmp: "immutable",
	cash_dist: "immutable",
	cash_div_cash: "immutable",
	cash_div_flt4: "immutable",
	cash_div_flt8: "immutable",
	cash_div_int2: "immutable",
	cash_div_int4: "immutable",
	cash_div_int8: "immutable",
	cash_eq: "immutable",
	cash_ge: "immutable",
	cash_gt: "immutable",
	cash_in: "stable",
	cash_le: "immutable",
	cash_lt: "immutable",
	cash_mi: "immutable",
	cash_mul_flt4: "immutable",
	cash_mul_flt8: "immutable",
	cash_mul_int2: "immutable",
	cash_mul_int4: "immutable",
	cash_mul_int8: "immutable",
	cash_ne: "immutable",
	cash_out: "stable",
	cash_pl: "immutable",
	cash_recv: "immutable",
	cash_send: "immutable",
	cash_words: "immutable",
	cashlarger: "immutable",
	cashsmaller: "immutable",
	cbrt: "immutable",
	ceil: "immutable",
	ceiling: "immutable",
	center: "immutable",
	char: "immutable",
	char_length: "immutable",
	character_length: "immutable",
	chareq: "immutable",
	charge: "immutable",
	chargt: "immutable",
	charin: "immutable",
	charle: "immutable",
	charlt: "immutable",
	charne: "immutable",
	charout: "immutable",
	charrecv: "immutable",
	charsend: "immutable",
	chr: "immutable",
	cideq: "immutable",
	cidin: "immutable",
	cidout: "immutable",
	cidr: "immutable",
	cidr_in: "immutable",
	cidr_out: "immutable",
	cidr_recv: "immutable",
	cidr_send: "immutable",
	cidrecv: "immutable",
	cidsend: "immutable",
	circle: "immutable",
	circle_above: "immutable",
	circle_add_pt: "immutable",
	circle_below: "immutable",
	circle_center: "immutable",
	circle_contain: "immutable",
	circle_contain_pt: "immutable",
	circle_contained: "immutable",
	circle_distance: "immutable",
	circle_div_pt: "immutable",
	circle_eq: "immutable",
	circle_ge: "immutable",
	circle_gt: "immutable",
	circle_in: "immutable",
	circle_le: "immutable",
	circle_left: "immutable",
	circle_lt: "immutable",
	circle_mul_pt: "immutable",
	circle_ne: "immutable",
	circle_out: "immutable",
	circle_overabove: "immutable",
	circle_overbelow: "immutable",
	circle_overlap: "immutable",
	circle_overleft: "immutable",
	circle_overright: "immutable",
	circle_recv: "immutable",
	circle_right: "immutable",
	circle_same: "immutable",
	circle_send: "immutable",
	circle_sub_pt: "immutable",
	citext: "immutable",
	citext_cmp: "immutable",
	citext_eq: "immutable",
	citext_ge: "immutable",
	citext_gt: "immutable",
	citext_hash: "immutable",
	citext_hash_extended: "immutable",
	citext_larger: "immutable",
	citext_le: "immutable",
	citext_lt: "immutable",
	citext_ne: "immutable",
	citext_pattern_cmp: "immutable",
	citext_pattern_ge: "immutable",
	citext_pattern_gt: "immutable",
	citext_pattern_le: "immutable",
	citext_pattern_lt: "immutable",
	citext_smaller: "immutable",
	citextin: "immutable",
	citextout: "immutable",
	citextrecv: "stable",
	citextsend: "stable",
	clock_timestamp: "volatile",
	close_ls: "immutable",
	close_lseg: "immutable",
	close_pb: "immutable",
	close_pl: "immutable",
	close_ps: "immutable",
	close_sb: "immutable",
	col_description: "stable",
	concat: "stable",
	concat_ws: "stable",
	connectby: "stable",
	contjoinsel: "stable",
	contsel: "stable",
	convert: "stable",
	convert_from: "stable",
	convert_to: "stable",
	corr: "immutable",
	cos: "immutable",
	cosd: "immutable",
	cosh: "immutable",
	cot: "immutable",
	cotd: "immutable",
	count: "immutable",
	covar_pop: "immutable",
	covar_samp: "immutable",
	crc32: "immutable",
	crc32c: "immutable",
	crosstab: "stable",
	crosstab2: "stable",
	crosstab3: "stable",
	crosstab4: "stable",
	crypt: "immutable",
	cstring_in: "immutable",
	cstring_out: "immutable",
	cstring_recv: "stable",
	cstring_send: "stable",
	cube: "immutable",
	cube_cmp: "immutable",
	cube_contained: "immutable",
	cube_contains: "immutable",
	cube_coord: "immutable",
	cube_coord_llur: "immutable",
	cube_dim: "immutable",
	cube_distance: "immutable",
	cube_enlarge: "immutable",
	cube_eq: "immutable",
	cube_ge: "immutable",
	cube_gt: "immutable",
	cube_in: "immutable",
	cube_inter: "immutable",
	cube_is_point: "immutable",
	cube_le: "immutable",
	cube_ll_coord: "immutable",
	cube_lt: "immutable",
	cube_ne: "immutable",
	cube_out: "immutable",
	cube_overlap: "immutable",
	cube_recv: "immutable",
	cube_send: "immutable",
	cube_size: "immutable",
	cube_subset: "immutable",
	cube_union: "immutable",
	cube_ur_coord: "immutable",
	cume_dist: "immutable",
	cume_dist_final: "immutable",
	current_database: "stable",
	current_query: "volatile",
	current_schema: "stable",
	current_schemas: "stable",
	current_setting: "stable",
	current_user: "stable",
	currtid2: "volatile",
	currval: "volatile",
	cursor_to_xml: "volatile",
	cursor_to_xmlschema: "volatile",
	daitch_mokotoff: "immutable",
	database_to_xml: "stable",
	database_to_xml_and_xmlschema: "stable",
	database_to_xmlschema: "stable",
	date: "stable",
	date_add: "stable",
	date_bin: "immutable",
	date_cmp: "immutable",
	date_cmp_timestamp: "immutable",
	date_cmp_timestamptz: "stable",
	date_dist: "immutable",
	date_eq: "immutable",
	date_eq_timestamp: "immutable",
	date_eq_timestamptz: "stable",
	date_ge: "immutable",
	date_ge_timestamp: "immutable",
	date_ge_timestamptz: "stable",
	date_gt: "immutable",
	date_gt_timestamp: "immutable",
	date_gt_timestamptz: "stable",
	date_in: "stable",
	date_larger: "immutable",
	date_le: "immutable",
	date_le_timestamp: "immutable",
	date_le_timestamptz: "stable",
	date_lt: "immutable",
	date_lt_timestamp: "immutable",
	date_lt_timestamptz: "stable",
	date_mi: "immutable",
	date_mi_interval: "immutable",
	date_mii: "immutable",
	date_ne: "immutable",
	date_ne_timestamp: "immutable",
	date_ne_timestamptz: "stable",
	date_out: "stable",
	date_part: "stable",
	date_pl_interval: "immutable",
	date_pli: "immutable",
	date_recv: "immutable",
	date_send: "immutable",
	date_skipsupport: "immutable",
	date_smaller: "immutable",
	date_sortsupport: "immutable",
	date_subtract: "stable",
	date_trunc: "stable",
	datemultirange: "immutable",
	daterange: "immutable",
	daterange_canonical: "immutable",
	daterange_subdiff: "immutable",
	datetime_pl: "immutable",
	datetimetz_pl: "immutable",
	dcbrt: "immutable",
	dearmor: "immutable",
	decode: "immutable",
	decrypt: "immutable",
	decrypt_iv: "immutable",
	defined: "immutable",
	degrees: "immutable",
	"delete": "immutable",
	dense_rank: "immutable",
	dense_rank_final: "immutable",
	dexp: "immutable",
	diagonal: "immutable",
	diameter: "immutable",
	difference: "immutable",
	digest: "immutable",
	dispell_init: "immutable",
	dispell_lexize: "immutable",
	dist_bp: "immutable",
	dist_bs: "immutable",
	dist_cpoint: "immutable",
	dist_cpoly: "immutable",
	dist_lp: "immutable",
	dist_ls: "immutable",
	dist_pathp: "immutable",
	dist_pb: "immutable",
	dist_pc: "immutable",
	dist_pl: "immutable",
	dist_polyc: "immutable",
	dist_polyp: "immutable",
	dist_ppath: "immutable",
	dist_ppoly: "immutable",
	dist_ps: "immutable",
	dist_sb: "immutable",
	dist_sl: "immutable",
	dist_sp: "immutable",
	distance_chebyshev: "immutable",
	distance_taxicab: "immutable",
	div: "immutable",
	dlog1: "immutable",
	dlog10: "immutable",
	dmetaphone: "immutable",
	dmetaphone_alt: "immutable",
	domain_in: "stable",
	domain_recv: "stable",
	dpow: "immutable",
	dround: "immutable",
	dsimple_init: "immutable",
	dsimple_lexize: "immutable",
	dsnowball_init: "volatile",
	dsnowball_lexize: "volatile",
	dsqrt: "immutable",
	dsynonym_init: "immutable",
	dsynonym_lexize: "immutable",
	dtrunc: "immutable",
	each: "immutable",
	ean13_in: "immutable",
	ean13_out: "immutable",
	earth: "immutable",
	earth_box: "immutable",
	earth_distance: "immutable",
	elem_contained_by_multirange: "immutable",
	elem_contained_by_range: "immutable",
	elem_contained_by_range_support: "immutable",
	encode: "immutable",
	encrypt: "immutable",
	encrypt_iv: "immutable",
	enum_cmp: "immutable",
	enum_eq: "immutable",
	enum_first: "stable",
	enum_ge: "immutable",
	enum_gt: "immutable",
	enum_in: "stable",
	enum_larger: "immutable",
	enum_last: "stable",
	enum_le: "immutable",
	enum_lt: "immutable",
	enum_ne: "immutable",
	enum_out: "stable",
	enum_range: "stable",
	enum_recv: "stable",
	enum_send: "stable",
	enum_smaller: "immutable",
	eqjoinsel: "stable",
	eqsel: "stable",
	erf: "immutable",
	erfc: "immutable",
	euc_cn_to_mic: "immutable",
	euc_cn_to_utf8: "immutable",
	euc_jis_2004_to_shift_jis_2004: "immutable",
	euc_jis_2004_to_utf8: "immutable",
	euc_jp_to_mic: "immutable",
	euc_jp_to_sjis: "immutable",
	euc_jp_to_utf8: "immutable",
	euc_kr_to_mic: "immutable",
	euc_kr_to_utf8: "immutable",
	euc_tw_to_big5: "immutable",
	euc_tw_to_mic: "immutable",
	euc_tw_to_utf8: "immutable",
	event_trigger_in: "immutable",
	event_trigger_out: "immutable",
	every: "immutable",
	exist: "immutable",
	exists_all: "immutable",
	exists_any: "immutable",
	exp: "immutable",
	extract: "stable",
	factorial: "immutable",
	family: "immutable",
	fdw_handler_in: "immutable",
	fdw_handler_out: "immutable",
	fetchval: "immutable",
	fips_mode: "volatile",
	first_value: "immutable",
	float4: "immutable",
	float48div: "immutable",
	float48eq: "immutable",
	float48ge: "immutable",
	float48gt: "immutable",
	float48le: "immutable",
	float48lt: "immutable",
	float48mi: "immutable",
	float48mul: "immutable",
	float48ne: "immutable",
	float48pl: "immutable",
	float4_accum: "immutable",
	float4_dist: "immutable",
	float4abs: "immutable",
	float4div: "immutable",
	float4eq: "immutable",
	float4ge: "immutable",
	float4gt: "immutable",
	float4in: "immutable",
	float4larger: "immutable",
	float4le: "immutable",
	float4lt: "immutable",
	float4mi: "immutable",
	float4mul: "immutable",
	float4ne: "immutable",
	float4out: "immutable",
	float4pl: "immutable",
	float4recv: "immutable",
	float4send: "immutable",
	float4smaller: "immutable",
	float4um: "immutable",
	float4up: "immutable",
	float8: "immutable",
	float84div: "immutable",
	float84eq: "immutable",
	float84ge: "immutable",
	float84gt: "immutable",
	float84le: "immutable",
	float84lt: "immutable",
	float84mi: "immutable",
	float84mul: "immutable",
	float84ne: "immutable",
	float84pl: "immutable",
	float8_accum: "immutable",
	float8_avg: "immutable",
	float8_combine: "immutable",
	float8_corr: "immutable",
	float8_covar_pop: "immutable",
	float8_covar_samp: "immutable",
	float8_dist: "immutable",
	float8_regr_accum: "immutable",
	float8_regr_avgx: "immutable",
	float8_regr_avgy: "immutable",
	float8_regr_combine: "immutable",
	float8_regr_intercept: "immutable",
	float8_regr_r2: "immutable",
	float8_regr_slope: "immutable",
	float8_regr_sxx: "immutable",
	float8_regr_sxy: "immutable",
	float8_regr_syy: "immutable",
	float8_stddev_pop: "immutable",
	float8_stddev_samp: "immutable",
	float8_var_pop: "immutable",
	float8_var_samp: "immutable",
	float8abs: "immutable",
	float8div: "immutable",
	float8eq: "immutable",
	float8ge: "immutable",
	float8gt: "immutable",
	float8in: "immutable",
	float8larger: "immutable",
	float8le: "immutable",
	float8lt: "immutable",
	float8mi: "immutable",
	float8mul: "immutable",
	float8ne: "immutable",
	float8out: "immutable",
	float8pl: "immutable",
	float8recv: "immutable",
	float8send: "immutable",
	float8smaller: "immutable",
	float8um: "immutable",
	float8up: "immutable",
	floor: "immutable",
	flt4_mul_cash: "immutable",
	flt8_mul_cash: "immutable",
	fmgr_c_validator: "stable",
	fmgr_internal_validator: "stable",
	fmgr_sql_validator: "stable",
	format: "stable",
	format_type: "stable",
	g_cube_consistent: "immutable",
	g_cube_distance: "immutable",
	g_cube_penalty: "immutable",
	g_cube_picksplit: "immutable",
	g_cube_same: "immutable",
	g_cube_union: "immutable",
	g_int_compress: "immutable",
	g_int_consistent: "immutable",
	g_int_decompress: "immutable",
	g_int_options: "immutable",
	g_int_penalty: "immutable",
	g_int_picksplit: "immutable",
	g_int_same: "immutable",
	g_int_union: "immutable",
	g_intbig_compress: "immutable",
	g_intbig_consistent: "immutable",
	g_intbig_decompress: "immutable",
	g_intbig_options: "immutable",
	g_intbig_penalty: "immutable",
	g_intbig_picksplit: "immutable",
	g_intbig_same: "immutable",
	g_intbig_union: "immutable",
	gamma: "immutable",
	gb18030_to_utf8: "immutable",
	gbk_to_utf8: "immutable",
	gbt_bit_compress: "immutable",
	gbt_bit_consistent: "immutable",
	gbt_bit_penalty: "immutable",
	gbt_bit_picksplit: "immutable",
	gbt_bit_same: "immutable",
	gbt_bit_sortsupport: "immutable",
	gbt_bit_union: "immutable",
	gbt_bool_compress: "immutable",
	gbt_bool_consistent: "immutable",
	gbt_bool_fetch: "immutable",
	gbt_bool_penalty: "immutable",
	gbt_bool_picksplit: "immutable",
	gbt_bool_same: "immutable",
	gbt_bool_sortsupport: "immutable",
	gbt_bool_union: "immutable",
	gbt_bpchar_compress: "immutable",
	gbt_bpchar_consistent: "immutable",
	gbt_bpchar_sortsupport: "immutable",
	gbt_bytea_compress: "immutable",
	gbt_bytea_consistent: "immutable",
	gbt_bytea_penalty: "immutable",
	gbt_bytea_picksplit: "immutable",
	gbt_bytea_same: "immutable",
	gbt_bytea_sortsupport: "immutable",
	gbt_bytea_union: "immutable",
	gbt_cash_compress: "immutable",
	gbt_cash_consistent: "immutable",
	gbt_cash_distance: "immutable",
	gbt_cash_fetch: "immutable",
	gbt_cash_penalty: "immutable",
	gbt_cash_picksplit: "immutable",
	gbt_cash_same: "immutable",
	gbt_cash_sortsupport: "immutable",
	gbt_cash_union: "immutable",
	gbt_date_compress: "immutable",
	gbt_date_consistent: "immutable",
	gbt_date_distance: "immutable",
	gbt_date_fetch: "immutable",
	gbt_date_penalty: "immutable",
	gbt_date_picksplit: "immutable",
	gbt_date_same: "immutable",
	gbt_date_sortsupport: "immutable",
	gbt_date_union: "immutable",
	gbt_decompress: "immutable",
	gbt_enum_compress: "immutable",
	gbt_enum_consistent: "immutable",
	gbt_enum_fetch: "immutable",
	gbt_enum_penalty: "immutable",
	gbt_enum_picksplit: "immutable",
	gbt_enum_same: "immutable",
	gbt_enum_sortsupport: "immutable",
	gbt_enum_union: "immutable",
	gbt_float4_compress: "immutable",
	gbt_float4_consistent: "immutable",
	gbt_float4_distance: "immutable",
	gbt_float4_fetch: "immutable",
	gbt_float4_penalty: "immutable",
	gbt_float4_picksplit: "immutable",
	gbt_float4_same: "immutable",
	gbt_float4_sortsupport: "immutable",
	gbt_float4_union: "immutable",
	gbt_float8_compress: "immutable",
	gbt_float8_consistent: "immutable",
	gbt_float8_distance: "immutable",
	gbt_float8_fetch: "immutable",
	gbt_float8_penalty: "immutable",
	gbt_float8_picksplit: "immutable",
	gbt_float8_same: "immutable",
	gbt_float8_sortsupport: "immutable",
	gbt_float8_union: "immutable",
	gbt_inet_compress: "immutable",
	gbt_inet_consistent: "immutable",
	gbt_inet_penalty: "immutable",
	gbt_inet_picksplit: "immutable",
	gbt_inet_same: "immutable",
	gbt_inet_sortsupport: "immutable",
	gbt_inet_union: "immutable",
	gbt_int2_compress: "immutable",
	gbt_int2_consistent: "immutable",
	gbt_int2_distance: "immutable",
	gbt_int2_fetch: "immutable",
	gbt_int2_penalty: "immutable",
	gbt_int2_picksplit: "immutable",
	gbt_int2_same: "immutable",
	gbt_int2_sortsupport: "immutable",
	gbt_int2_union: "immutable",
	gbt_int4_compress: "immutable",
	gbt_int4_consistent: "immutable",
	gbt_int4_distance: "immutable",
	gbt_int4_fetch: "immutable",
	gbt_int4_penalty: "immutable",
	gbt_int4_picksplit: "immutable",
	gbt_int4_same: "immutable",
	gbt_int4_sortsupport: "immutable",
	gbt_int4_union: "immutable",
	gbt_int8_compress: "immutable",
	gbt_int8_consistent: "immutable",
	gbt_int8_distance: "immutable",
	gbt_int8_fetch: "immutable",
	gbt_int8_penalty: "immutable",
	gbt_int8_picksplit: "immutable",
	gbt_int8_same: "immutable",
	gbt_int8_sortsupport: "immutable",
	gbt_int8_union: "immutable",
	gbt_intv_compress: "immutable",
	gbt_intv_consistent: "immutable",
	gbt_intv_decompress: "immutable",
	gbt_intv_distance: "immutable",
	gbt_intv_fetch: "immutable",
	gbt_intv_penalty: "immutable",
	gbt_intv_picksplit: "immutable",
	gbt_intv_same: "immutable",
	gbt_intv_sortsupport: "immutable",
	gbt_intv_union: "immutable",
	gbt_macad8_compress: "immutable",
	gbt_macad8_consistent: "immutable",
	gbt_macad8_fetch: "immutable",
	gbt_macad8_penalty: "immutable",
	gbt_macad8_picksplit: "immutable",
	gbt_macad8_same: "immutable",
	gbt_macad8_sortsupport: "immutable",
	gbt_macad8_union: "immutable",
	gbt_macad_compress: "immutable",
	gbt_macad_consistent: "immutable",
	gbt_macad_fetch: "immutable",
	gbt_macad_penalty: "immutable",
	gbt_macad_picksplit: "immutable",
	gbt_macad_same: "immutable",
	gbt_macad_union: "immutable",
	gbt_macaddr_sortsupport: "immutable",
	gbt_numeric_compress: "immutable",
	gbt_numeric_consistent: "immutable",
	gbt_numeric_penalty: "immutable",
	gbt_numeric_picksplit: "immutable",
	gbt_numeric_same: "immutable",
	gbt_numeric_sortsupport: "immutable",
	gbt_numeric_union: "immutable",
	gbt_oid_compress: "immutable",
	gbt_oid_consistent: "immutable",
	gbt_oid_distance: "immutable",
	gbt_oid_fetch: "immutable",
	gbt_oid_penalty: "immutable",
	gbt_oid_picksplit: "immutable",
	gbt_oid_same: "immutable",
	gbt_oid_sortsupport: "immutable",
	gbt_oid_union: "immutable",
	gbt_text_compress: "immutable",
	gbt_text_consistent: "immutable",
	gbt_text_penalty: "immutable",
	gbt_text_picksplit: "immutable",
	gbt_text_same: "immutable",
	gbt_text_sortsupport: "immutable",
	gbt_text_union: "immutable",
	gbt_time_compress: "immutable",
	gbt_time_consistent: "immutable",
	gbt_time_distance: "immutable",
	gbt_time_fetch: "immutable",
	gbt_time_penalty: "immutable",
	gbt_time_picksplit: "immutable",
	gbt_time_same: "immutable",
	gbt_time_sortsupport: "immutable",
	gbt_time_union: "immutable",
	gbt_timetz_compress: "immutable",
	gbt_timetz_consistent: "immutable",
	gbt_ts_compress: "immutable",
	gbt_ts_consistent: "immutable",
	gbt_ts_distance: "immutable",
	gbt_ts_fetch: "immutable",
	gbt_ts_penalty: "immutable",
	gbt_ts_picksplit: "immutable",
	gbt_ts_same: "immutable",
	gbt_ts_sortsupport: "immutable",
	gbt_ts_union: "immutable",
	gbt_tstz_compress: "immutable",
	gbt_tstz_consistent: "immutable",
	gbt_tstz_distance: "immutable",
	gbt_uuid_compress: "immutable",
	gbt_uuid_consistent: "immutable",
	gbt_uuid_fetch: "immutable",
	gbt_uuid_penalty: "immutable",
	gbt_uuid_picksplit: "immutable",
	gbt_uuid_same: "immutable",
	gbt_uuid_sortsupport: "immutable",
	gbt_uuid_union: "immutable",
	gbt_var_decompress: "immutable",
	gbt_var_fetch: "immutable",
	gbt_varbit_sortsupport: "immutable",
	gbtreekey16_in: "immutable",
	gbtreekey16_out: "immutable",
	gbtreekey2_in: "immutable",
	gbtreekey2_out: "immutable",
	gbtreekey32_in: "immutable",
	gbtreekey32_out: "immutable",
	gbtreekey4_in: "immutable",
	gbtreekey4_out: "immutable",
	gbtreekey8_in: "immutable",
	gbtreekey8_out: "immutable",
	gbtreekey_var_in: "immutable",
	gbtreekey_var_out: "immutable",
	gc_to_sec: "immutable",
	gcd: "immutable",
	gen_random_bytes: "volatile",
	gen_random_uuid: "volatile",
	gen_salt: "volatile",
	generate_series: "stable",
	generate_series_int4_support: "immutable",
	generate_series_int8_support: "immutable",
	generate_series_numeric_support: "immutable",
	generate_series_timestamp_support: "immutable",
	generate_subscripts: "immutable",
	geo_distance: "immutable",
	get_bit: "immutable",
	get_byte: "immutable",
	get_current_ts_config: "stable",
	getdatabaseencoding: "stable",
	getpgusername: "stable",
	ghstore_compress: "immutable",
	ghstore_consistent: "immutable",
	ghstore_decompress: "immutable",
	ghstore_in: "immutable",
	ghstore_options: "immutable",
	ghstore_out: "immutable",
	ghstore_penalty: "immutable",
	ghstore_picksplit: "immutable",
	ghstore_same: "immutable",
	ghstore_union: "immutable",
	gin_btree_consistent: "immutable",
	gin_clean_pending_list: "volatile",
	gin_cmp_prefix: "immutable",
	gin_cmp_tslexeme: "immutable",
	gin_compare_jsonb: "immutable",
	gin_compare_prefix_anyenum: "immutable",
	gin_compare_prefix_bit: "immutable",
	gin_compare_prefix_bool: "immutable",
	gin_compare_prefix_bpchar: "immutable",
	gin_compare_prefix_bytea: "immutable",
	gin_compare_prefix_char: "immutable",
	gin_compare_prefix_cidr: "immutable",
	gin_compare_prefix_date: "immutable",
	gin_compare_prefix_float4: "immutable",
	gin_compare_prefix_float8: "immutable",
	gin_compare_prefix_inet: "immutable",
	gin_compare_prefix_int2: "immutable",
	gin_compare_prefix_int4: "immutable",
	gin_compare_prefix_int8: "immutable",
	gin_compare_prefix_interval: "immutable",
	gin_compare_prefix_macaddr: "immutable",
	gin_compare_prefix_macaddr8: "immutable",
	gin_compare_prefix_money: "immutable",
	gin_compare_prefix_name: "immutable",
	gin_compare_prefix_numeric: "immutable",
	gin_compare_prefix_oid: "immutable",
	gin_compare_prefix_text: "immutable",
	gin_compare_prefix_time: "immutable",
	gin_compare_prefix_timestamp: "immutable",
	gin_compare_prefix_timestamptz: "immutable",
	gin_compare_prefix_timetz: "immutable",
	gin_compare_prefix_uuid: "immutable",
	gin_compare_prefix_varbit: "immutable",
	gin_consistent_hstore: "immutable",
	gin_consistent_jsonb: "immutable",
	gin_consistent_jsonb_path: "immutable",
	gin_enum_cmp: "immutable",
	gin_extract_hstore: "immutable",
	gin_extract_hstore_query: "immutable",
	gin_extract_jsonb: "immutable",
	gin_extract_jsonb_path: "immutable",
	gin_extract_jsonb_query: "immutable",
	gin_extract_jsonb_query_path: "immutable",
	gin_extract_query_anyenum: "immutable",
	gin_extract_query_bit: "immutable",
	gin_extract_query_bool: "immutable",
	gin_extract_query_bpchar: "immutable",
	gin_extract_query_bytea: "immutable",
	gin_extract_query_char: "immutable",
	gin_extract_query_cidr: "immutable",
	gin_extract_query_date: "immutable",
	gin_extract_query_float4: "immutable",
	gin_extract_query_float8: "immutable",
	gin_extract_query_inet: "immutable",
	gin_extract_query_int2: "immutable",
	gin_extract_query_int4: "immutable",
	gin_extract_query_int8: "immutable",
	gin_extract_query_interval: "immutable",
	gin_extract_query_macaddr: "immutable",
	gin_extract_query_macaddr8: "immutable",
	gin_extract_query_money: "immutable",
	gin_extract_query_name: "immutable",
	gin_extract_query_numeric: "immutable",
	gin_extract_query_oid: "immutable",
	gin_extract_query_text: "immutable",
	gin_extract_query_time: "immutable",
	gin_extract_query_timestamp: "immutable",
	gin_extract_query_timestamptz: "immutable",
	gin_extract_query_timetz: "immutable",
	gin_extract_query_trgm: "immutable",
	gin_extract_query_uuid: "immutable",
	gin_extract_query_varbit: "immutable",
	gin_extract_tsquery: "immutable",
	gin_extract_tsvector: "immutable",
	gin_extract_value_anyenum: "immutable",
	gin_extract_value_bit: "immutable",
	gin_extract_value_bool: "immutable",
	gin_extract_value_bpchar: "immutable",
	gin_extract_value_bytea: "immutable",
	gin_extract_value_char: "immutable",
	gin_extract_value_cidr: "immutable",
	gin_extract_value_date: "immutable",
	gin_extract_value_float4: "immutable",
	gin_extract_value_float8: "immutable",
	gin_extract_value_inet: "immutable",
	gin_extract_value_int2: "immutable",
	gin_extract_value_int4: "immutable",
	gin_extract_value_int8: "immutable",
	gin_extract_value_interval: "immutable",
	gin_extract_value_macaddr: "immutable",
	gin_extract_value_macaddr8: "immutable",
	gin_extract_value_money: "immutable",
	gin_extract_value_name: "immutable",
	gin_extract_value_numeric: "immutable",
	gin_extract_value_oid: "immutable",
	gin_extract_value_text: "immutable",
	gin_extract_value_time: "immutable",
	gin_extract_value_timestamp: "immutable",
	gin_extract_value_timestamptz: "immutable",
	gin_extract_value_timetz: "immutable",
	gin_extract_value_trgm: "immutable",
	gin_extract_value_uuid: "immutable",
	gin_extract_value_varbit: "immutable",
	gin_numeric_cmp: "immutable",
	gin_trgm_consistent: "immutable",
	gin_trgm_triconsistent: "immutable",
	gin_triconsistent_jsonb: "immutable",
	gin_triconsistent_jsonb_path: "immutable",
	gin_tsquery_consistent: "immutable",
	gin_tsquery_triconsistent: "immutable",
	ginarrayconsistent: "immutable",
	ginarrayextract: "immutable",
	ginarraytriconsistent: "immutable",
	ginhandler: "volatile",
	ginint4_consistent: "immutable",
	ginint4_queryextract: "immutable",
	ginqueryarrayextract: "immutable",
	gist_box_consistent: "immutable",
	gist_box_distance: "immutable",
	gist_box_penalty: "immutable",
	gist_box_picksplit: "immutable",
	gist_box_same: "immutable",
	gist_box_union: "immutable",
	gist_circle_compress: "immutable",
	gist_circle_consistent: "immutable",
	gist_circle_distance: "immutable",
	gist_point_compress: "immutable",
	gist_point_consistent: "immutable",
	gist_point_distance: "immutable",
	gist_point_fetch: "immutable",
	gist_point_sortsupport: "immutable",
	gist_poly_compress: "immutable",
	gist_poly_consistent: "immutable",
	gist_poly_distance: "immutable",
	gist_translate_cmptype_btree: "immutable",
	gist_translate_cmptype_common: "immutable",
	gisthandler: "volatile",
	gseg_consistent: "immutable",
	gseg_penalty: "immutable",
	gseg_picksplit: "immutable",
	gseg_same: "immutable",
	gseg_union: "immutable",
	gtrgm_compress: "immutable",
	gtrgm_consistent: "immutable",
	gtrgm_decompress: "immutable",
	gtrgm_distance: "immutable",
	gtrgm_in: "immutable",
	gtrgm_options: "immutable",
	gtrgm_out: "immutable",
	gtrgm_penalty: "immutable",
	gtrgm_picksplit: "immutable",
	gtrgm_same: "immutable",
	gtrgm_union: "immutable",
	gtsquery_compress: "immutable",
	gtsquery_consistent: "immutable",
	gtsquery_penalty: "immutable",
	gtsquery_picksplit: "immutable",
	gtsquery_same: "immutable",
	gtsquery_union: "immutable",
	gtsvector_compress: "immutable",
	gtsvector_consistent: "immutable",
	gtsvector_decompress: "immutable",
	gtsvector_options: "immutable",
	gtsvector_penalty: "immutable",
	gtsvector_picksplit: "immutable",
	gtsvector_same: "immutable",
	gtsvector_union: "immutable",
	gtsvectorin: "immutable",
	gtsvectorout: "immutable",
	has_any_column_privilege: "stable",
	has_column_privilege: "stable",
	has_database_privilege: "stable",
	has_foreign_data_wrapper_privilege: "stable",
	has_function_privilege: "stable",
	has_language_privilege: "stable",
	has_largeobject_privilege: "stable",
	has_parameter_privilege: "stable",
	has_schema_privilege: "stable",
	has_sequence_privilege: "stable",
	has_server_privilege: "stable",
	has_table_privilege: "stable",
	has_tablespace_privilege: "stable",
	has_type_privilege: "stable",
	hash_aclitem: "immutable",
	hash_aclitem_extended: "immutable",
	hash_array: "immutable",
	hash_array_extended: "immutable",
	hash_ltree: "immutable",
	hash_ltree_extended: "immutable",
	hash_multirange: "immutable",
	hash_multirange_extended: "immutable",
	hash_numeric: "immutable",
	hash_numeric_extended: "immutable",
	hash_range: "immutable",
	hash_range_extended: "immutable",
	hash_record: "immutable",
	hash_record_extended: "immutable",
	hashbool: "immutable",
	hashboolextended: "immutable",
	hashbpchar: "immutable",
	hashbpcharextended: "immutable",
	hashbytea: "immutable",
	hashbyteaextended: "immutable",
	hashchar: "immutable",
	hashcharextended: "immutable",
	hashcid: "immutable",
	hashcidextended: "immutable",
	hashdate: "immutable",
	hashdateextended: "immutable",
	hashean13: "immutable",
	hashenum: "immutable",
	hashenumextended: "immutable",
	hashfloat4: "immutable",
	hashfloat4extended: "immutable",
	hashfloat8: "immutable",
	hashfloat8extended: "immutable",
	hashhandler: "volatile",
	hashinet: "immutable",
	hashinetextended: "immutable",
	hashint2: "immutable",
	hashint2extended: "immutable",
	hashint4: "immutable",
	hashint4extended: "immutable",
	hashint8: "immutable",
	hashint8extended: "immutable",
	hashisbn: "immutable",
	hashisbn13: "immutable",
	hashismn: "immutable",
	hashismn13: "immutable",
	hashissn: "immutable",
	hashissn13: "immutable",
	hashmacaddr: "immutable",
	hashmacaddr8: "immutable",
	hashmacaddr8extended: "immutable",
	hashmacaddrextended: "immutable",
	hashname: "immutable",
	hashnameextended: "immutable",
	hashoid: "immutable",
	hashoidextended: "immutable",
	hashoidvector: "immutable",
	hashoidvectorextended: "immutable",
	hashtext: "immutable",
	hashtextextended: "immutable",
	hashtid: "immutable",
	hashtidextended: "immutable",
	hashupc: "immutable",
	hashvarlena: "immutable",
	hashvarlenaextended: "immutable",
	hashxid: "immutable",
	hashxid8: "immutable",
	hashxid8extended: "immutable",
	hashxidextended: "immutable",
	heap_tableam_handler: "volatile",
	height: "immutable",
	hmac: "immutable",
	host: "immutable",
	hostmask: "immutable",
	hs_concat: "immutable",
	hs_contained: "immutable",
	hs_contains: "immutable",
	hstore: "immutable",
	hstore_cmp: "immutable",
	hstore_eq: "immutable",
	hstore_ge: "immutable",
	hstore_gt: "immutable",
	hstore_hash: "immutable",
	hstore_hash_extended: "immutable",
	hstore_in: "immutable",
	hstore_le: "immutable",
	hstore_lt: "immutable",
	hstore_ne: "immutable",
	hstore_out: "immutable",
	hstore_recv: "immutable",
	hstore_send: "immutable",
	hstore_subscript_handler: "immutable",
	hstore_to_array: "immutable",
	hstore_to_json: "immutable",
	hstore_to_json_loose: "immutable",
	hstore_to_jsonb: "immutable",
	hstore_to_jsonb_loose: "immutable",
	hstore_to_matrix: "immutable",
	hstore_version_diag: "immutable",
	iclikejoinsel: "stable",
	iclikesel: "stable",
	icnlikejoinsel: "stable",
	icnlikesel: "stable",
	icount: "immutable",
	icregexeqjoinsel: "stable",
	icregexeqsel: "stable",
	icregexnejoinsel: "stable",
	icregexnesel: "stable",
	icu_unicode_version: "immutable",
	idx: "immutable",
	in_range: "stable",
	index: "immutable",
	index_am_handler_in: "immutable",
	index_am_handler_out: "immutable",
	inet_client_addr: "stable",
	inet_client_port: "stable",
	inet_gist_compress: "immutable",
	inet_gist_consistent: "immutable",
	inet_gist_fetch: "immutable",
	inet_gist_penalty: "immutable",
	inet_gist_picksplit: "immutable",
	inet_gist_same: "immutable",
	inet_gist_union: "immutable",
	inet_in: "immutable",
	inet_merge: "immutable",
	inet_out: "immutable",
	inet_recv: "immutable",
	inet_same_family: "immutable",
	inet_send: "immutable",
	inet_server_addr: "stable",
	inet_server_port: "stable",
	inet_spg_choose: "immutable",
	inet_spg_config: "immutable",
	inet_spg_inner_consistent: "immutable",
	inet_spg_leaf_consistent: "immutable",
	inet_spg_picksplit: "immutable",
	inetand: "immutable",
	inetmi: "immutable",
	inetmi_int8: "immutable",
	inetnot: "immutable",
	inetor: "immutable",
	inetpl: "immutable",
	initcap: "immutable",
	int2: "immutable",
	int24div: "immutable",
	int24eq: "immutable",
	int24ge: "immutable",
	int24gt: "immutable",
	int24le: "immutable",
	int24lt: "immutable",
	int24mi: "immutable",
	int24mul: "immutable",
	int24ne: "immutable",
	int24pl: "immutable",
	int28div: "immutable",
	int28eq: "immutable",
	int28ge: "immutable",
	int28gt: "immutable",
	int28le: "immutable",
	int28lt: "immutable",
	int28mi: "immutable",
	int28mul: "immutable",
	int28ne: "immutable",
	int28pl: "immutable",
	int2_accum: "immutable",
	int2_accum_inv: "immutable",
	int2_avg_accum: "immutable",
	int2_avg_accum_inv: "immutable",
	int2_dist: "immutable",
	int2_mul_cash: "immutable",
	int2_sum: "immutable",
	int2abs: "immutable",
	int2and: "immutable",
	int2div: "immutable",
	int2eq: "immutable",
	int2ge: "immutable",
	int2gt: "immutable",
	int2in: "immutable",
	int2int4_sum: "immutable",
	int2larger: "immutable",
	int2le: "immutable",
	int2lt: "immutable",
	int2mi: "immutable",
	int2mod: "immutable",
	int2mul: "immutable",
	int2ne: "immutable",
	int2not: "immutable",
	int2or: "immutable",
	int2out: "immutable",
	int2pl: "immutable",
	int2recv: "immutable",
	int2send: "immutable",
	int2shl: "immutable",
	int2shr: "immutable",
	int2smaller: "immutable",
	int2um: "immutable",
	int2up: "immutable",
	int2vectorin: "immutable",
	int2vectorout: "immutable",
	int2vectorrecv: "immutable",
	int2vectorsend: "immutable",
	int2xor: "immutable",
	int4: "immutable",
	int42div: "immutable",
	int42eq: "immutable",
	int42ge: "immutable",
	int42gt: "immutable",
	int42le: "immutable",
	int42lt: "immutable",
	int42mi: "immutable",
	int42mul: "immutable",
	int42ne: "immutable",
	int42pl: "immutable",
	int48div: "immutable",
	int48eq: "immutable",
	int48ge: "immutable",
	int48gt: "immutable",
	int48le: "immutable",
	int48lt: "immutable",
	int48mi: "immutable",
	int48mul: "immutable",
	int48ne: "immutable",
	int48pl: "immutable",
	int4_accum: "immutable",
	int4_accum_inv: "immutable",
	int4_avg_accum: "immutable",
	int4_avg_accum_inv: "immutable",
	int4_avg_combine: "immutable",
	int4_dist: "immutable",
	int4_mul_cash: "immutable",
	int4_sum: "immutable",
	int4abs: "immutable",
	int4and: "immutable",
	int4div: "immutable",
	int4eq: "immutable",
	int4ge: "immutable",
	int4gt: "immutable",
	int4in: "immutable",
	int4inc: "immutable",
	int4larger: "immutable",
	int4le: "immutable",
	int4lt: "immutable",
	int4mi: "immutable",
	int4mod: "immutable",
	int4mul: "immutable",
	int4multirange: "immutable",
	int4ne: "immutable",
	int4not: "immutable",
	int4or: "immutable",
	int4out: "immutable",
	int4pl: "immutable",
	int4range: "immutable",
	int4range_canonical: "immutable",
	int4range_subdiff: "immutable",
	int4recv: "immutable",
	int4send: "immutable",
	int4shl: "immutable",
	int4shr: "immutable",
	int4smaller: "immutable",
	int4um: "immutable",
	int4up: "immutable",
	int4xor: "immutable",
	int8: "immutable",
	int82div: "immutable",
	int82eq: "immutable",
	int82ge: "immutable",
	int82gt: "immutable",
	int82le: "immutable",
	int82lt: "immutable",
	int82mi: "immutable",
	int82mul: "immutable",
	int82ne: "immutable",
	int82pl: "immutable",
	int84div: "immutable",
	int84eq: "immutable",
	int84ge: "immutable",
	int84gt: "immutable",
	int84le: "immutable",
	int84lt: "immutable",
	int84mi: "immutable",
	int84mul: "immutable",
	int84ne: "immutable",
	int84pl: "immutable",
	int8_accum: "immutable",
	int8_accum_inv: "immutable",
	int8_avg: "immutable",
	int8_avg_accum: "immutable",
	int8_avg_accum_inv: "immutable",
	int8_avg_combine: "immutable",
	int8_avg_deserialize: "immutable",
	int8_avg_serialize: "immutable",
	int8_dist: "immutable",
	int8_mul_cash: "immutable",
	int8_sum: "immutable",
	int8abs: "immutable",
	int8and: "immutable",
	int8dec: "immutable",
	int8dec_any: "immutable",
	int8div: "immutable",
	int8eq: "immutable",
	int8ge: "immutable",
	int8gt: "immutable",
	int8in: "immutable",
	int8inc: "immutable",
	int8inc_any: "immutable",
	int8inc_float8_float8: "immutable",
	int8inc_support: "immutable",
	int8larger: "immutable",
	int8le: "immutable",
	int8lt: "immutable",
	int8mi: "immutable",
	int8mod: "immutable",
	int8mul: "immutable",
	int8multirange: "immutable",
	int8ne: "immutable",
	int8not: "immutable",
	int8or: "immutable",
	int8out: "immutable",
	int8pl: "immutable",
	int8pl_inet: "immutable",
	int8range: "immutable",
	int8range_canonical: "immutable",
	int8range_subdiff: "immutable",
	int8recv: "immutable",
	int8send: "immutable",
	int8shl: "immutable",
	int8shr: "immutable",
	int8smaller: "immutable",
	int8um: "immutable",
	int8up: "immutable",
	int8xor: "immutable",
	intarray_del_elem: "immutable",
	intarray_push_array: "immutable",
	intarray_push_elem: "immutable",
	integer_pl_date: "immutable",
	inter_lb: "immutable",
	inter_sb: "immutable",
	inter_sl: "immutable",
	internal_in: "immutable",
	internal_out: "immutable",
	interval: "immutable",
	interval_avg: "immutable",
	interval_avg_accum: "immutable",
	interval_avg_accum_inv: "immutable",
	interval_avg_combine: "immutable",
	interval_avg_deserialize: "immutable",
	interval_avg_serialize: "immutable",
	interval_cmp: "immutable",
	interval_dist: "immutable",
	interval_div: "immutable",
	interval_eq: "immutable",
	interval_ge: "immutable",
	interval_gt: "immutable",
	interval_hash: "immutable",
	interval_hash_extended: "immutable",
	interval_in: "stable",
	interval_larger: "immutable",
	interval_le: "immutable",
	interval_lt: "immutable",
	interval_mi: "immutable",
	interval_mul: "immutable",
	interval_ne: "immutable",
	interval_out: "stable",
	interval_pl: "immutable",
	interval_pl_date: "immutable",
	interval_pl_time: "immutable",
	interval_pl_timestamp: "immutable",
	interval_pl_timestamptz: "stable",
	interval_pl_timetz: "immutable",
	interval_recv: "immutable",
	interval_send: "immutable",
	interval_smaller: "immutable",
	interval_sum: "immutable",
	interval_support: "immutable",
	interval_um: "immutable",
	intervaltypmodin: "immutable",
	intervaltypmodout: "immutable",
	intset: "immutable",
	intset_subtract: "immutable",
	intset_union_elem: "immutable",
	is_normalized: "immutable",
	is_valid: "immutable",
	isbn: "immutable",
	isbn13: "immutable",
	isbn13_in: "immutable",
	isbn_in: "immutable",
	isclosed: "immutable",
	isdefined: "immutable",
	isempty: "immutable",
	isexists: "immutable",
	isfinite: "immutable",
	ishorizontal: "immutable",
	ismn: "immutable",
	ismn13: "immutable",
	ismn13_in: "immutable",
	ismn_in: "immutable",
	isn_out: "immutable",
	isn_weak: "volatile",
	isneq: "immutable",
	isnge: "immutable",
	isngt: "immutable",
	isnle: "immutable",
	isnlt: "immutable",
	isnne: "immutable",
	iso8859_1_to_utf8: "immutable",
	iso8859_to_utf8: "immutable",
	iso_to_koi8r: "immutable",
	iso_to_mic: "immutable",
	iso_to_win1251: "immutable",
	iso_to_win866: "immutable",
	isopen: "immutable",
	isparallel: "immutable",
	isperp: "immutable",
	issn: "immutable",
	issn13: "immutable",
	issn13_in: "immutable",
	issn_in: "immutable",
	isvertical: "immutable",
	johab_to_utf8: "immutable",
	json_agg: "stable",
	json_agg_finalfn: "immutable",
	json_agg_strict: "stable",
	json_agg_strict_transfn: "stable",
	json_agg_transfn: "stable",
	json_array_element: "immutable",
	json_array_element_text: "immutable",
	json_array_elements: "immutable",
	json_array_elements_text: "immutable",
	json_array_length: "immutable",
	json_build_array: "stable",
	json_build_object: "stable",
	json_each: "immutable",
	json_each_text: "immutable",
	json_extract_path: "immutable",
	json_extract_path_text: "immutable",
	json_in: "immutable",
	json_object: "immutable",
	json_object_agg: "stable",
	json_object_agg_finalfn: "immutable",
	json_object_agg_strict: "stable",
	json_object_agg_strict_transfn: "stable",
	json_object_agg_transfn: "stable",
	json_object_agg_unique: "stable",
	json_object_agg_unique_strict: "stable",
	json_object_agg_unique_strict_transfn: "stable",
	json_object_agg_unique_transfn: "stable",
	json_object_field: "immutable",
	json_object_field_text: "immutable",
	json_object_keys: "immutable",
	json_out: "immutable",
	json_populate_record: "stable",
	json_populate_recordset: "stable",
	json_recv: "immutable",
	json_send: "immutable",
	json_strip_nulls: "immutable",
	json_to_record: "stable",
	json_to_recordset: "stable",
	json_to_tsvector: "stable",
	json_typeof: "immutable",
	jsonb_agg: "stable",
	jsonb_agg_finalfn: "stable",
	jsonb_agg_strict: "stable",
	jsonb_agg_strict_transfn: "stable",
	jsonb_agg_transfn: "stable",
	jsonb_array_element: "immutable",
	jsonb_array_element_text: "immutable",
	jsonb_array_elements: "immutable",
	jsonb_array_elements_text: "immutable",
	jsonb_array_length: "immutable",
	jsonb_build_array: "stable",
	jsonb_build_object: "stable",
	jsonb_cmp: "immutable",
	jsonb_concat: "immutable",
	jsonb_contained: "immutable",
	jsonb_contains: "immutable",
	jsonb_delete: "immutable",
	jsonb_delete_path: "immutable",
	jsonb_each: "immutable",
	jsonb_each_text: "immutable",
	jsonb_eq: "immutable",
	jsonb_exists: "immutable",
	jsonb_exists_all: "immutable",
	jsonb_exists_any: "immutable",
	jsonb_extract_path: "immutable",
	jsonb_extract_path_text: "immutable",
	jsonb_ge: "immutable",
	jsonb_gt: "immutable",
	jsonb_hash: "immutable",
	jsonb_hash_extended: "immutable",
	jsonb_in: "immutable",
	jsonb_insert: "immutable",
	jsonb_le: "immutable",
	jsonb_lt: "immutable",
	jsonb_ne: "immutable",
	jsonb_object: "immutable",
	jsonb_object_agg: "immutable",
	jsonb_object_agg_finalfn: "stable",
	jsonb_object_agg_strict: "immutable",
	jsonb_object_agg_strict_transfn: "stable",
	jsonb_object_agg_transfn: "stable",
	jsonb_object_agg_unique: "immutable",
	jsonb_object_agg_unique_strict: "immutable",
	jsonb_object_agg_unique_strict_transfn: "stable",
	jsonb_object_agg_unique_transfn: "stable",
	jsonb_object_field: "immutable",
	jsonb_object_field_text: "immutable",
	jsonb_object_keys: "immutable",
	jsonb_out: "immutable",
	jsonb_path_exists: "immutable",
	jsonb_path_exists_opr: "immutable",
	jsonb_path_exists_tz: "stable",
	jsonb_path_match: "immutable",
	jsonb_path_match_opr: "immutable",
	jsonb_path_match_tz: "stable",
	jsonb_path_query: "immutable",
	jsonb_path_query_array: "immutable",
	jsonb_path_query_array_tz: "stable",
	jsonb_path_query_first: "immutable",
	jsonb_path_query_first_tz: "stable",
	jsonb_path_query_tz: "stable",
	jsonb_populate_record: "stable",
	jsonb_populate_record_valid: "stable",
	jsonb_populate_recordset: "stable",
	jsonb_pretty: "immutable",
	jsonb_recv: "immutable",
	jsonb_send: "immutable",
	jsonb_set: "immutable",
	jsonb_set_lax: "immutable",
	jsonb_strip_nulls: "immutable",
	jsonb_subscript_handler: "immutable",
	jsonb_to_record: "stable",
	jsonb_to_recordset: "stable",
	jsonb_to_tsvector: "stable",
	jsonb_typeof: "immutable",
	jsonpath_in: "immutable",
	jsonpath_out: "immutable",
	jsonpath_recv: "immutable",
	jsonpath_send: "immutable",
	justify_days: "immutable",
	justify_hours: "immutable",
	justify_interval: "immutable",
	koi8r_to_iso: "immutable",
	koi8r_to_mic: "immutable",
	koi8r_to_utf8: "immutable",
	koi8r_to_win1251: "immutable",
	koi8r_to_win866: "immutable",
	koi8u_to_utf8: "immutable",
	lag: "immutable",
	language_handler_in: "immutable",
	language_handler_out: "immutable",
	last_value: "immutable",
	lastval: "volatile",
	latin1_to_mic: "immutable",
	latin2_to_mic: "immutable",
	latin2_to_win1250: "immutable",
	latin3_to_mic: "immutable",
	latin4_to_mic: "immutable",
	latitude: "immutable",
	lca: "immutable",
	lcm: "immutable",
	lead: "immutable",
	left: "immutable",
	length: "stable",
	levenshtein: "immutable",
	levenshtein_less_equal: "immutable",
	lgamma: "immutable",
	like: "immutable",
	like_escape: "immutable",
	likejoinsel: "stable",
	likesel: "stable",
	line: "immutable",
	line_distance: "immutable",
	line_eq: "immutable",
	line_horizontal: "immutable",
	line_in: "immutable",
	line_interpt: "immutable",
	line_intersect: "immutable",
	line_out: "immutable",
	line_parallel: "immutable",
	line_perp: "immutable",
	line_recv: "immutable",
	line_send: "immutable",
	line_vertical: "immutable",
	ll_to_earth: "immutable",
	ln: "immutable",
	lo_close: "volatile",
	lo_creat: "volatile",
	lo_create: "volatile",
	lo_export: "volatile",
	lo_from_bytea: "volatile",
	lo_get: "volatile",
	lo_import: "volatile",
	lo_lseek: "volatile",
	lo_lseek64: "volatile",
	lo_manage: "volatile",
	lo_oid: "immutable",
	lo_open: "volatile",
	lo_put: "volatile",
	lo_tell: "volatile",
	lo_tell64: "volatile",
	lo_truncate: "volatile",
	lo_truncate64: "volatile",
	lo_unlink: "volatile",
	log: "immutable",
	log10: "immutable",
	longitude: "immutable",
	loread: "volatile",
	lower: "immutable",
	lower_inc: "immutable",
	lower_inf: "immutable",
	lowrite: "volatile",
	lpad: "immutable",
	lquery_in: "immutable",
	lquery_out: "immutable",
	lquery_recv: "immutable",
	lquery_send: "immutable",
	lseg: "immutable",
	lseg_center: "immutable",
	lseg_distance: "immutable",
	lseg_eq: "immutable",
	lseg_ge: "immutable",
	lseg_gt: "immutable",
	lseg_horizontal: "immutable",
	lseg_in: "immutable",
	lseg_interpt: "immutable",
	lseg_intersect: "immutable",
	lseg_le: "immutable",
	lseg_length: "immutable",
	lseg_lt: "immutable",
	lseg_ne: "immutable",
	lseg_out: "immutable",
	lseg_parallel: "immutable",
	lseg_perp: "immutable",
	lseg_recv: "immutable",
	lseg_send: "immutable",
	lseg_vertical: "immutable",
	lt_q_regex: "immutable",
	lt_q_rregex: "immutable",
	ltq_regex: "immutable",
	ltq_rregex: "immutable",
	ltree2text: "immutable",
	ltree_addltree: "immutable",
	ltree_addtext: "immutable",
	ltree_cmp: "immutable",
	ltree_compress: "immutable",
	ltree_consistent: "immutable",
	ltree_decompress: "immutable",
	ltree_eq: "immutable",
	ltree_ge: "immutable",
	ltree_gist_in: "immutable",
	ltree_gist_options: "immutable",
	ltree_gist_out: "immutable",
	ltree_gt: "immutable",
	ltree_in: "immutable",
	ltree_isparent: "immutable",
	ltree_le: "immutable",
	ltree_lt: "immutable",
	ltree_ne: "immutable",
	ltree_out: "immutable",
	ltree_penalty: "immutable",
	ltree_picksplit: "immutable",
	ltree_recv: "immutable",
	ltree_risparent: "immutable",
	ltree_same: "immutable",
	ltree_send: "immutable",
	ltree_textadd: "immutable",
	ltree_union: "immutable",
	ltreeparentsel: "immutable",
	ltrim: "immutable",
	ltxtq_exec: "immutable",
	ltxtq_in: "immutable",
	ltxtq_out: "immutable",
	ltxtq_recv: "immutable",
	ltxtq_rexec: "immutable",
	ltxtq_send: "immutable",
	macaddr: "immutable",
	macaddr8: "immutable",
	macaddr8_and: "immutable",
	macaddr8_cmp: "immutable",
	macaddr8_eq: "immutable",
	macaddr8_ge: "immutable",
	macaddr8_gt: "immutable",
	macaddr8_in: "immutable",
	macaddr8_le: "immutable",
	macaddr8_lt: "immutable",
	macaddr8_ne: "immutable",
	macaddr8_not: "immutable",
	macaddr8_or: "immutable",
	macaddr8_out: "immutable",
	macaddr8_recv: "immutable",
	macaddr8_send: "immutable",
	macaddr8_set7bit: "immutable",
	macaddr_and: "immutable",
	macaddr_cmp: "immutable",
	macaddr_eq: "immutable",
	macaddr_ge: "immutable",
	macaddr_gt: "immutable",
	macaddr_in: "immutable",
	macaddr_le: "immutable",
	macaddr_lt: "immutable",
	macaddr_ne: "immutable",
	macaddr_not: "immutable",
	macaddr_or: "immutable",
	macaddr_out: "immutable",
	macaddr_recv: "immutable",
	macaddr_send: "immutable",
	macaddr_sortsupport: "immutable",
	make_date: "immutable",
	make_interval: "immutable",
	make_time: "immutable",
	make_timestamp: "immutable",
	make_timestamptz: "stable",
	make_valid: "immutable",
	makeaclitem: "immutable",
	masklen: "immutable",
	matchingjoinsel: "stable",
	matchingsel: "stable",
	max: "immutable",
	md5: "immutable",
	metaphone: "immutable",
	mic_to_big5: "immutable",
	mic_to_euc_cn: "immutable",
	mic_to_euc_jp: "immutable",
	mic_to_euc_kr: "immutable",
	mic_to_euc_tw: "immutable",
	mic_to_iso: "immutable",
	mic_to_koi8r: "immutable",
	mic_to_latin1: "immutable",
	mic_to_latin2: "immutable",
	mic_to_latin3: "immutable",
	mic_to_latin4: "immutable",
	mic_to_sjis: "immutable",
	mic_to_win1250: "immutable",
	mic_to_win1251: "immutable",
	mic_to_win866: "immutable",
	min: "immutable",
	min_scale: "immutable",
	mod: "immutable",
	mode: "immutable",
	mode_final: "immutable",
	money: "stable",
	mul_d_interval: "immutable",
	multirange: "immutable",
	multirange_adjacent_multirange: "immutable",
	multirange_adjacent_range: "immutable",
	multirange_after_multirange: "immutable",
	multirange_after_range: "immutable",
	multirange_agg_finalfn: "immutable",
	multirange_agg_transfn: "immutable",
	multirange_before_multirange: "immutable",
	multirange_before_range: "immutable",
	multirange_cmp: "immutable",
	multirange_contained_by_multirange: "immutable",
	multirange_contained_by_range: "immutable",
	multirange_contains_elem: "immutable",
	multirange_contains_multirange: "immutable",
	multirange_contains_range: "immutable",
	multirange_eq: "immutable",
	multirange_ge: "immutable",
	multirange_gist_compress: "immutable",
	multirange_gist_consistent: "immutable",
	multirange_gt: "immutable",
	multirange_in: "stable",
	multirange_intersect: "immutable",
	multirange_intersect_agg_transfn: "immutable",
	multirange_le: "immutable",
	multirange_lt: "immutable",
	multirange_minus: "immutable",
	multirange_ne: "immutable",
	multirange_out: "stable",
	multirange_overlaps_multirange: "immutable",
	multirange_overlaps_range: "immutable",
	multirange_overleft_multirange: "immutable",
	multirange_overleft_range: "immutable",
	multirange_overright_multirange: "immutable",
	multirange_overright_range: "immutable",
	multirange_recv: "stable",
	multirange_send: "stable",
	multirange_typanalyze: "stable",
	multirange_union: "immutable",
	multirangesel: "stable",
	mxid_age: "stable",
	name: "immutable",
	nameconcatoid: "immutable",
	nameeq: "immutable",
	nameeqtext: "immutable",
	namege: "immutable",
	namegetext: "immutable",
	namegt: "immutable",
	namegttext: "immutable",
	nameiclike: "immutable",
	nameicnlike: "immutable",
	nameicregexeq: "immutable",
	nameicregexne: "immutable",
	namein: "immutable",
	namele: "immutable",
	nameletext: "immutable",
	namelike: "immutable",
	namelt: "immutable",
	namelttext: "immutable",
	namene: "immutable",
	namenetext: "immutable",
	namenlike: "immutable",
	nameout: "immutable",
	namerecv: "stable",
	nameregexeq: "immutable",
	nameregexne: "immutable",
	namesend: "stable",
	neqjoinsel: "stable",
	neqsel: "stable",
	netmask: "immutable",
	network: "immutable",
	network_cmp: "immutable",
	network_eq: "immutable",
	network_ge: "immutable",
	network_gt: "immutable",
	network_larger: "immutable",
	network_le: "immutable",
	network_lt: "immutable",
	network_ne: "immutable",
	network_overlap: "immutable",
	network_smaller: "immutable",
	network_sortsupport: "immutable",
	network_sub: "immutable",
	network_subeq: "immutable",
	network_subset_support: "immutable",
	network_sup: "immutable",
	network_supeq: "immutable",
	networkjoinsel: "stable",
	networksel: "stable",
	nextval: "volatile",
	nlevel: "immutable",
	nlikejoinsel: "stable",
	nlikesel: "stable",
	normal_rand: "volatile",
	normalize: "immutable",
	notlike: "immutable",
	now: "stable",
	npoints: "immutable",
	nth_value: "immutable",
	ntile: "immutable",
	num_nonnulls: "immutable",
	num_nulls: "immutable",
	numeric: "stable",
	numeric_abs: "immutable",
	numeric_accum: "immutable",
	numeric_accum_inv: "immutable",
	numeric_add: "immutable",
	numeric_avg: "immutable",
	numeric_avg_accum: "immutable",
	numeric_avg_combine: "immutable",
	numeric_avg_deserialize: "immutable",
	numeric_avg_serialize: "immutable",
	numeric_cmp: "immutable",
	numeric_combine: "immutable",
	numeric_deserialize: "immutable",
	numeric_div: "immutable",
	numeric_div_trunc: "immutable",
	numeric_eq: "immutable",
	numeric_exp: "immutable",
	numeric_ge: "immutable",
	numeric_gt: "immutable",
	numeric_in: "immutable",
	numeric_inc: "immutable",
	numeric_larger: "immutable",
	numeric_le: "immutable",
	numeric_ln: "immutable",
	numeric_log: "immutable",
	numeric_lt: "immutable",
	numeric_mod: "immutable",
	numeric_mul: "immutable",
	numeric_ne: "immutable",
	numeric_out: "immutable",
	numeric_pl_pg_lsn: "immutable",
	numeric_poly_avg: "immutable",
	numeric_poly_combine: "immutable",
	numeric_poly_deserialize: "immutable",
	numeric_poly_serialize: "immutable",
	numeric_poly_stddev_pop: "immutable",
	numeric_poly_stddev_samp: "immutable",
	numeric_poly_sum: "immutable",
	numeric_poly_var_pop: "immutable",
	numeric_poly_var_samp: "immutable",
	numeric_power: "immutable",
	numeric_recv: "immutable",
	numeric_send: "immutable",
	numeric_serialize: "immutable",
	numeric_smaller: "immutable",
	numeric_sortsupport: "immutable",
	numeric_sqrt: "immutable",
	numeric_stddev_pop: "immutable",
	numeric_stddev_samp: "immutable",
	numeric_sub: "immutable",
	numeric_sum: "immutable",
	numeric_support: "immutable",
	numeric_uminus: "immutable",
	numeric_uplus: "immutable",
	numeric_var_pop: "immutable",
	numeric_var_samp: "immutable",
	numerictypmodin: "immutable",
	numerictypmodout: "immutable",
	nummultirange: "immutable",
	numnode: "immutable",
	numrange: "immutable",
	numrange_subdiff: "immutable",
	obj_description: "stable",
	octet_length: "immutable",
	oid: "immutable",
	oid_dist: "immutable",
	oideq: "immutable",
	oidge: "immutable",
	oidgt: "immutable",
	oidin: "immutable",
	oidlarger: "immutable",
	oidle: "immutable",
	oidlt: "immutable",
	oidne: "immutable",
	oidout: "immutable",
	oidrecv: "immutable",
	oidsend: "immutable",
	oidsmaller: "immutable",
	oidvectoreq: "immutable",
	oidvectorge: "immutable",
	oidvectorgt: "immutable",
	oidvectorin: "immutable",
	oidvectorle: "immutable",
	oidvectorlt: "immutable",
	oidvectorne: "immutable",
	oidvectorout: "immutable",
	oidvectorrecv: "immutable",
	oidvectorsend: "immutable",
	oidvectortypes: "stable",
	on_pb: "immutable",
	on_pl: "immutable",
	on_ppath: "immutable",
	on_ps: "immutable",
	on_sb: "immutable",
	on_sl: "immutable",
	ordered_set_transition: "immutable",
	ordered_set_transition_multi: "immutable",
	overlaps: "stable",
	overlay: "immutable",
	parse_ident: "immutable",
	path: "immutable",
	path_add: "immutable",
	path_add_pt: "immutable",
	path_contain_pt: "immutable",
	path_distance: "immutable",
	path_div_pt: "immutable",
	path_in: "immutable",
	path_inter: "immutable",
	path_length: "immutable",
	path_mul_pt: "immutable",
	path_n_eq: "immutable",
	path_n_ge: "immutable",
	path_n_gt: "immutable",
	path_n_le: "immutable",
	path_n_lt: "immutable",
	path_npoints: "immutable",
	path_out: "immutable",
	path_recv: "immutable",
	path_send: "immutable",
	path_sub_pt: "immutable",
	pclose: "immutable",
	percent_rank: "immutable",
	percent_rank_final: "immutable",
	percentile_cont: "immutable",
	percentile_cont_float8_final: "immutable",
	percentile_cont_float8_multi_final: "immutable",
	percentile_cont_interval_final: "immutable",
	percentile_cont_interval_multi_final: "immutable",
	percentile_disc: "immutable",
	percentile_disc_final: "immutable",
	percentile_disc_multi_final: "immutable",
	pg_advisory_lock: "volatile",
	pg_advisory_lock_shared: "volatile",
	pg_advisory_unlock: "volatile",
	pg_advisory_unlock_all: "volatile",
	pg_advisory_unlock_shared: "volatile",
	pg_advisory_xact_lock: "volatile",
	pg_advisory_xact_lock_shared: "volatile",
	pg_available_extension_versions: "stable",
	pg_available_extensions: "stable",
	pg_available_wal_summaries: "volatile",
	pg_backend_pid: "stable",
	pg_backup_start: "volatile",
	pg_backup_stop: "volatile",
	pg_basetype: "stable",
	pg_blocking_pids: "volatile",
	pg_cancel_backend: "volatile",
	pg_char_to_encoding: "stable",
	pg_clear_attribute_stats: "volatile",
	pg_clear_relation_stats: "volatile",
	pg_client_encoding: "stable",
	pg_collation_actual_version: "volatile",
	pg_collation_for: "stable",
	pg_collation_is_visible: "stable",
	pg_column_compression: "stable",
	pg_column_is_updatable: "stable",
	pg_column_size: "stable",
	pg_column_toast_chunk_id: "stable",
	pg_conf_load_time: "stable",
	pg_config: "stable",
	pg_control_checkpoint: "volatile",
	pg_control_init: "volatile",
	pg_control_recovery: "volatile",
	pg_control_system: "volatile",
	pg_conversion_is_visible: "stable",
	pg_copy_logical_replication_slot: "volatile",
	pg_copy_physical_replication_slot: "volatile",
	pg_create_logical_replication_slot: "volatile",
	pg_create_physical_replication_slot: "volatile",
	pg_create_restore_point: "volatile",
	pg_current_logfile: "volatile",
	pg_current_snapshot: "stable",
	pg_current_wal_flush_lsn: "volatile",
	pg_current_wal_insert_lsn: "volatile",
	pg_current_wal_lsn: "volatile",
	pg_current_xact_id: "stable",
	pg_current_xact_id_if_assigned: "stable",
	pg_cursor: "stable",
	pg_database_collation_actual_version: "volatile",
	pg_database_size: "volatile",
	pg_ddl_command_in: "immutable",
	pg_ddl_command_out: "immutable",
	pg_ddl_command_recv: "immutable",
	pg_ddl_command_send: "immutable",
	pg_dependencies_in: "immutable",
	pg_dependencies_out: "immutable",
	pg_dependencies_recv: "stable",
	pg_dependencies_send: "stable",
	pg_describe_object: "stable",
	pg_drop_replication_slot: "volatile",
	pg_encoding_max_length: "immutable",
	pg_encoding_to_char: "stable",
	pg_event_trigger_ddl_commands: "stable",
	pg_event_trigger_dropped_objects: "stable",
	pg_event_trigger_table_rewrite_oid: "stable",
	pg_event_trigger_table_rewrite_reason: "stable",
	pg_export_snapshot: "volatile",
	pg_extension_config_dump: "volatile",
	pg_extension_update_paths: "stable",
	pg_filenode_relation: "stable",
	pg_function_is_visible: "stable",
	pg_get_acl: "stable",
	pg_get_aios: "volatile",
	pg_get_backend_memory_contexts: "volatile",
	pg_get_catalog_foreign_keys: "stable",
	pg_get_constraintdef: "stable",
	pg_get_expr: "stable",
	pg_get_function_arg_default: "stable",
	pg_get_function_arguments: "stable",
	pg_get_function_identity_arguments: "stable",
	pg_get_function_result: "stable",
	pg_get_function_sqlbody: "stable",
	pg_get_functiondef: "stable",
	pg_get_indexdef: "stable",
	pg_get_keywords: "stable",
	pg_get_loaded_modules: "volatile",
	pg_get_multixact_members: "volatile",
	pg_get_object_address: "stable",
	pg_get_partition_constraintdef: "stable",
	pg_get_partkeydef: "stable",
	pg_get_publication_tables: "stable",
	pg_get_replica_identity_index: "stable",
	pg_get_replication_slots: "stable",
	pg_get_ruledef: "stable",
	pg_get_sequence_data: "volatile",
	pg_get_serial_sequence: "stable",
	pg_get_shmem_allocations: "volatile",
	pg_get_shmem_allocations_numa: "volatile",
	pg_get_statisticsobjdef: "stable",
	pg_get_statisticsobjdef_columns: "stable",
	pg_get_statisticsobjdef_expressions: "stable",
	pg_get_triggerdef: "stable",
	pg_get_userbyid: "stable",
	pg_get_viewdef: "stable",
	pg_get_wait_events: "volatile",
	pg_get_wal_replay_pause_state: "volatile",
	pg_get_wal_resource_managers: "volatile",
	pg_get_wal_summarizer_state: "volatile",
	pg_has_role: "stable",
	pg_hba_file_rules: "volatile",
	pg_ident_file_mappings: "volatile",
	pg_identify_object: "stable",
	pg_identify_object_as_address: "stable",
	pg_import_system_collations: "volatile",
	pg_index_column_has_property: "stable",
	pg_index_has_property: "stable",
	pg_indexam_has_property: "stable",
	pg_indexam_progress_phasename: "immutable",
	pg_indexes_size: "volatile",
	pg_input_error_info: "stable",
	pg_input_is_valid: "stable",
	pg_is_in_recovery: "volatile",
	pg_is_other_temp_schema: "stable",
	pg_is_wal_replay_paused: "volatile",
	pg_isolation_test_session_is_blocked: "volatile",
	pg_jit_available: "volatile",
	pg_last_committed_xact: "volatile",
	pg_last_wal_receive_lsn: "volatile",
	pg_last_wal_replay_lsn: "volatile",
	pg_last_xact_replay_timestamp: "volatile",
	pg_listening_channels: "stable",
	pg_lock_status: "volatile",
	pg_log_backend_memory_contexts: "volatile",
	pg_log_standby_snapshot: "volatile",
	pg_logical_emit_message: "volatile",
	pg_logical_slot_get_binary_changes: "volatile",
	pg_logical_slot_get_changes: "volatile",
	pg_logical_slot_peek_binary_changes: "volatile",
	pg_logical_slot_peek_changes: "volatile",
	pg_ls_archive_statusdir: "volatile",
	pg_ls_dir: "volatile",
	pg_ls_logdir: "volatile",
	pg_ls_logicalmapdir: "volatile",
	pg_ls_logicalsnapdir: "volatile",
	pg_ls_replslotdir: "volatile",
	pg_ls_summariesdir: "volatile",
	pg_ls_tmpdir: "volatile",
	pg_ls_waldir: "volatile",
	pg_lsn: "immutable",
	pg_lsn_cmp: "immutable",
	pg_lsn_eq: "immutable",
	pg_lsn_ge: "immutable",
	pg_lsn_gt: "immutable",
	pg_lsn_hash: "immutable",
	pg_lsn_hash_extended: "immutable",
	pg_lsn_in: "immutable",
	pg_lsn_larger: "immutable",
	pg_lsn_le: "immutable",
	pg_lsn_lt: "immutable",
	pg_lsn_mi: "immutable",
	pg_lsn_mii: "immutable",
	pg_lsn_ne: "immutable",
	pg_lsn_out: "immutable",
	pg_lsn_pli: "immutable",
	pg_lsn_recv: "immutable",
	pg_lsn_send: "immutable",
	pg_lsn_smaller: "immutable",
	pg_mcv_list_in: "immutable",
	pg_mcv_list_items: "stable",
	pg_mcv_list_out: "immutable",
	pg_mcv_list_recv: "stable",
	pg_mcv_list_send: "stable",
	pg_my_temp_schema: "stable",
	pg_ndistinct_in: "immutable",
	pg_ndistinct_out: "immutable",
	pg_ndistinct_recv: "stable",
	pg_ndistinct_send: "stable",
	pg_nextoid: "volatile",
	pg_node_tree_in: "immutable",
	pg_node_tree_out: "immutable",
	pg_node_tree_recv: "stable",
	pg_node_tree_send: "stable",
	pg_notification_queue_usage: "volatile",
	pg_notify: "volatile",
	pg_numa_available: "stable",
	pg_opclass_is_visible: "stable",
	pg_operator_is_visible: "stable",
	pg_opfamily_is_visible: "stable",
	pg_options_to_table: "stable",
	pg_partition_ancestors: "volatile",
	pg_partition_root: "immutable",
	pg_partition_tree: "volatile",
	pg_postmaster_start_time: "stable",
	pg_prepared_statement: "stable",
	pg_prepared_xact: "volatile",
	pg_promote: "volatile",
	pg_read_binary_file: "volatile",
	pg_read_file: "volatile",
	pg_relation_filenode: "stable",
	pg_relation_filepath: "stable",
	pg_relation_is_publishable: "stable",
	pg_relation_is_updatable: "stable",
	pg_relation_size: "volatile",
	pg_reload_conf: "volatile",
	pg_replication_origin_advance: "volatile",
	pg_replication_origin_create: "volatile",
	pg_replication_origin_drop: "volatile",
	pg_replication_origin_oid: "stable",
	pg_replication_origin_progress: "volatile",
	pg_replication_origin_session_is_setup: "volatile",
	pg_replication_origin_session_progress: "volatile",
	pg_replication_origin_session_reset: "volatile",
	pg_replication_origin_session_setup: "volatile",
	pg_replication_origin_xact_reset: "volatile",
	pg_replication_origin_xact_setup: "volatile",
	pg_replication_slot_advance: "volatile",
	pg_restore_attribute_stats: "volatile",
	pg_restore_relation_stats: "volatile",
	pg_rotate_logfile: "volatile",
	pg_safe_snapshot_blocking_pids: "volatile",
	pg_sequence_last_value: "volatile",
	pg_sequence_parameters: "stable",
	pg_settings_get_flags: "stable",
	pg_show_all_file_settings: "volatile",
	pg_show_all_settings: "stable",
	pg_show_replication_origin_status: "volatile",
	pg_size_bytes: "immutable",
	pg_size_pretty: "immutable",
	pg_sleep: "volatile",
	pg_sleep_for: "volatile",
	pg_sleep_until: "volatile",
	pg_snapshot_in: "immutable",
	pg_snapshot_out: "immutable",
	pg_snapshot_recv: "immutable",
	pg_snapshot_send: "immutable",
	pg_snapshot_xip: "immutable",
	pg_snapshot_xmax: "immutable",
	pg_snapshot_xmin: "immutable",
	pg_split_walfile_name: "stable",
	pg_stat_clear_snapshot: "volatile",
	pg_stat_file: "volatile",
	pg_stat_force_next_flush: "volatile",
	pg_stat_get_activity: "stable",
	pg_stat_get_analyze_count: "stable",
	pg_stat_get_archiver: "stable",
	pg_stat_get_autoanalyze_count: "stable",
	pg_stat_get_autovacuum_count: "stable",
	pg_stat_get_backend_activity: "stable",
	pg_stat_get_backend_activity_start: "stable",
	pg_stat_get_backend_client_addr: "stable",
	pg_stat_get_backend_client_port: "stable",
	pg_stat_get_backend_dbid: "stable",
	pg_stat_get_backend_idset: "stable",
	pg_stat_get_backend_io: "volatile",
	pg_stat_get_backend_pid: "stable",
	pg_stat_get_backend_start: "stable",
	pg_stat_get_backend_subxact: "stable",
	pg_stat_get_backend_userid: "stable",
	pg_stat_get_backend_wait_event: "stable",
	pg_stat_get_backend_wait_event_type: "stable",
	pg_stat_get_backend_wal: "volatile",
	pg_stat_get_backend_xact_start: "stable",
	pg_stat_get_bgwriter_buf_written_clean: "stable",
	pg_stat_get_bgwriter_maxwritten_clean: "stable",
	pg_stat_get_bgwriter_stat_reset_time: "stable",
	pg_stat_get_blocks_fetched: "stable",
	pg_stat_get_blocks_hit: "stable",
	pg_stat_get_buf_alloc: "stable",
	pg_stat_get_checkpointer_buffers_written: "stable",
	pg_stat_get_checkpointer_num_performed: "stable",
	pg_stat_get_checkpointer_num_requested: "stable",
	pg_stat_get_checkpointer_num_timed: "stable",
	pg_stat_get_checkpointer_restartpoints_performed: "stable",
	pg_stat_get_checkpointer_restartpoints_requested: "stable",
	pg_stat_get_checkpointer_restartpoints_timed: "stable",
	pg_stat_get_checkpointer_slru_written: "stable",
	pg_stat_get_checkpointer_stat_reset_time: "stable",
	pg_stat_get_checkpointer_sync_time: "stable",
	pg_stat_get_checkpointer_write_time: "stable",
	pg_stat_get_db_active_time: "stable",
	pg_stat_get_db_blk_read_time: "stable",
	pg_stat_get_db_blk_write_time: "stable",
	pg_stat_get_db_blocks_fetched: "stable",
	pg_stat_get_db_blocks_hit: "stable",
	pg_stat_get_db_checksum_failures: "stable",
	pg_stat_get_db_checksum_last_failure: "stable",
	pg_stat_get_db_conflict_all: "stable",
	pg_stat_get_db_conflict_bufferpin: "stable",
	pg_stat_get_db_conflict_lock: "stable",
	pg_stat_get_db_conflict_logicalslot: "stable",
	pg_stat_get_db_conflict_snapshot: "stable",
	pg_stat_get_db_conflict_startup_deadlock: "stable",
	pg_stat_get_db_conflict_tablespace: "stable",
	pg_stat_get_db_deadlocks: "stable",
	pg_stat_get_db_idle_in_transaction_time: "stable",
	pg_stat_get_db_numbackends: "stable",
	pg_stat_get_db_parallel_workers_launched: "stable",
	pg_stat_get_db_parallel_workers_to_launch: "stable",
	pg_stat_get_db_session_time: "stable",
	pg_stat_get_db_sessions: "stable",
	pg_stat_get_db_sessions_abandoned: "stable",
	pg_stat_get_db_sessions_fatal: "stable",
	pg_stat_get_db_sessions_killed: "stable",
	pg_stat_get_db_stat_reset_time: "stable",
	pg_stat_get_db_temp_bytes: "stable",
	pg_stat_get_db_temp_files: "stable",
	pg_stat_get_db_tuples_deleted: "stable",
	pg_stat_get_db_tuples_fetched: "stable",
	pg_stat_get_db_tuples_inserted: "stable",
	pg_stat_get_db_tuples_returned: "stable",
	pg_stat_get_db_tuples_updated: "stable",
	pg_stat_get_db_xact_commit: "stable",
	pg_stat_get_db_xact_rollback: "stable",
	pg_stat_get_dead_tuples: "stable",
	pg_stat_get_function_calls: "stable",
	pg_stat_get_function_self_time: "stable",
	pg_stat_get_function_total_time: "stable",
	pg_stat_get_ins_since_vacuum: "stable",
	pg_stat_get_io: "volatile",
	pg_stat_get_last_analyze_time: "stable",
	pg_stat_get_last_autoanalyze_time: "stable",
	pg_stat_get_last_autovacuum_time: "stable",
	pg_stat_get_last_vacuum_time: "stable",
	pg_stat_get_lastscan: "stable",
	pg_stat_get_live_tuples: "stable",
	pg_stat_get_mod_since_analyze: "stable",
	pg_stat_get_numscans: "stable",
	pg_stat_get_progress_info: "stable",
	pg_stat_get_recovery_prefetch: "volatile",
	pg_stat_get_replication_slot: "stable",
	pg_stat_get_slru: "stable",
	pg_stat_get_snapshot_timestamp: "stable",
	pg_stat_get_subscription: "stable",
	pg_stat_get_subscription_stats: "stable",
	pg_stat_get_total_analyze_time: "stable",
	pg_stat_get_total_autoanalyze_time: "stable",
	pg_stat_get_total_autovacuum_time: "stable",
	pg_stat_get_total_vacuum_time: "stable",
	pg_stat_get_tuples_deleted: "stable",
	pg_stat_get_tuples_fetched: "stable",
	pg_stat_get_tuples_hot_updated: "stable",
	pg_stat_get_tuples_inserted: "stable",
	pg_stat_get_tuples_newpage_updated: "stable",
	pg_stat_get_tuples_returned: "stable",
	pg_stat_get_tuples_updated: "stable",
	pg_stat_get_vacuum_count: "stable",
	pg_stat_get_wal: "stable",
	pg_stat_get_wal_receiver: "stable",
	pg_stat_get_wal_senders: "stable",
	pg_stat_get_xact_blocks_fetched: "volatile",
	pg_stat_get_xact_blocks_hit: "volatile",
	pg_stat_get_xact_function_calls: "volatile",
	pg_stat_get_xact_function_self_time: "volatile",
	pg_stat_get_xact_function_total_time: "volatile",
	pg_stat_get_xact_numscans: "volatile",
	pg_stat_get_xact_tuples_deleted: "volatile",
	pg_stat_get_xact_tuples_fetched: "volatile",
	pg_stat_get_xact_tuples_hot_updated: "volatile",
	pg_stat_get_xact_tuples_inserted: "volatile",
	pg_stat_get_xact_tuples_newpage_updated: "volatile",
	pg_stat_get_xact_tuples_returned: "volatile",
	pg_stat_get_xact_tuples_updated: "volatile",
	pg_stat_have_stats: "volatile",
	pg_stat_reset: "volatile",
	pg_stat_reset_backend_stats: "volatile",
	pg_stat_reset_replication_slot: "volatile",
	pg_stat_reset_shared: "volatile",
	pg_stat_reset_single_function_counters: "volatile",
	pg_stat_reset_single_table_counters: "volatile",
	pg_stat_reset_slru: "volatile",
	pg_stat_reset_subscription_stats: "volatile",
	pg_statistics_obj_is_visible: "stable",
	pg_stop_making_pinned_objects: "volatile",
	pg_switch_wal: "volatile",
	pg_sync_replication_slots: "volatile",
	pg_table_is_visible: "stable",
	pg_table_size: "volatile",
	pg_tablespace_databases: "stable",
	pg_tablespace_location: "stable",
	pg_tablespace_size: "volatile",
	pg_terminate_backend: "volatile",
	pg_timezone_abbrevs_abbrevs: "stable",
	pg_timezone_abbrevs_zone: "stable",
	pg_timezone_names: "stable",
	pg_total_relation_size: "volatile",
	pg_trigger_depth: "stable",
	pg_try_advisory_lock: "volatile",
	pg_try_advisory_lock_shared: "volatile",
	pg_try_advisory_xact_lock: "volatile",
	pg_try_advisory_xact_lock_shared: "volatile",
	pg_ts_config_is_visible: "stable",
	pg_ts_dict_is_visible: "stable",
	pg_ts_parser_is_visible: "stable",
	pg_ts_template_is_visible: "stable",
	pg_type_is_visible: "stable",
	pg_typeof: "stable",
	pg_visible_in_snapshot: "immutable",
	pg_wal_lsn_diff: "immutable",
	pg_wal_replay_pause: "volatile",
	pg_wal_replay_resume: "volatile",
	pg_wal_summary_contents: "volatile",
	pg_walfile_name: "immutable",
	pg_walfile_name_offset: "immutable",
	pg_xact_commit_timestamp: "volatile",
	pg_xact_commit_timestamp_origin: "volatile",
	pg_xact_status: "volatile",
	pgp_armor_headers: "immutable",
	pgp_key_id: "immutable",
	pgp_pub_decrypt: "immutable",
	pgp_pub_decrypt_bytea: "immutable",
	pgp_pub_encrypt: "volatile",
	pgp_pub_encrypt_bytea: "volatile",
	pgp_sym_decrypt: "immutable",
	pgp_sym_decrypt_bytea: "immutable",
	pgp_sym_encrypt: "volatile",
	pgp_sym_encrypt_bytea: "volatile",
	phraseto_tsquery: "stable",
	pi: "immutable",
	plainto_tsquery: "stable",
	plpgsql_call_handler: "volatile",
	plpgsql_inline_handler: "volatile",
	plpgsql_validator: "volatile",
	point: "immutable",
	point_above: "immutable",
	point_add: "immutable",
	point_below: "immutable",
	point_distance: "immutable",
	point_div: "immutable",
	point_eq: "immutable",
	point_horiz: "immutable",
	point_in: "immutable",
	point_left: "immutable",
	point_mul: "immutable",
	point_ne: "immutable",
	point_out: "immutable",
	point_recv: "immutable",
	point_right: "immutable",
	point_send: "immutable",
	point_sub: "immutable",
	point_vert: "immutable",
	poly_above: "immutable",
	poly_below: "immutable",
	poly_center: "immutable",
	poly_contain: "immutable",
	poly_contain_pt: "immutable",
	poly_contained: "immutable",
	poly_distance: "immutable",
	poly_in: "immutable",
	poly_left: "immutable",
	poly_npoints: "immutable",
	poly_out: "immutable",
	poly_overabove: "immutable",
	poly_overbelow: "immutable",
	poly_overlap: "immutable",
	poly_overleft: "immutable",
	poly_overright: "immutable",
	poly_recv: "immutable",
	poly_right: "immutable",
	poly_same: "immutable",
	poly_send: "immutable",
	polygon: "immutable",
	popen: "immutable",
	populate_record: "immutable",
	position: "immutable",
	positionjoinsel: "stable",
	positionsel: "stable",
	postgresql_fdw_validator: "immutable",
	pow: "immutable",
	power: "immutable",
	prefixjoinsel: "stable",
	prefixsel: "stable",
	prsd_end: "immutable",
	prsd_headline: "immutable",
	prsd_lextype: "immutable",
	prsd_nexttoken: "immutable",
	prsd_start: "immutable",
	pt_contained_circle: "immutable",
	pt_contained_poly: "immutable",
	query_to_xml: "volatile",
	query_to_xml_and_xmlschema: "volatile",
	query_to_xmlschema: "volatile",
	querytree: "immutable",
	quote_ident: "immutable",
	quote_literal: "stable",
	quote_nullable: "stable",
	radians: "immutable",
	radius: "immutable",
	random: "volatile",
	random_normal: "volatile",
	range_adjacent: "immutable",
	range_adjacent_multirange: "immutable",
	range_after: "immutable",
	range_after_multirange: "immutable",
	range_agg: "immutable",
	range_agg_finalfn: "immutable",
	range_agg_transfn: "immutable",
	range_before: "immutable",
	range_before_multirange: "immutable",
	range_cmp: "immutable",
	range_contained_by: "immutable",
	range_contained_by_multirange: "immutable",
	range_contains: "immutable",
	range_contains_elem: "immutable",
	range_contains_elem_support: "immutable",
	range_contains_multirange: "immutable",
	range_eq: "immutable",
	range_ge: "immutable",
	range_gist_consistent: "immutable",
	range_gist_penalty: "immutable",
	range_gist_picksplit: "immutable",
	range_gist_same: "immutable",
	range_gist_union: "immutable",
	range_gt: "immutable",
	range_in: "stable",
	range_intersect: "immutable",
	range_intersect_agg: "immutable",
	range_intersect_agg_transfn: "immutable",
	range_le: "immutable",
	range_lt: "immutable",
	range_merge: "immutable",
	range_minus: "immutable",
	range_ne: "immutable",
	range_out: "stable",
	range_overlaps: "immutable",
	range_overlaps_multirange: "immutable",
	range_overleft: "immutable",
	range_overleft_multirange: "immutable",
	range_overright: "immutable",
	range_overright_multirange: "immutable",
	range_recv: "stable",
	range_send: "stable",
	range_sortsupport: "immutable",
	range_typanalyze: "stable",
	range_union: "immutable",
	rangesel: "stable",
	rank: "immutable",
	rank_final: "immutable",
	raw_array_subscript_handler: "immutable",
	rboolop: "immutable",
	record_eq: "immutable",
	record_ge: "immutable",
	record_gt: "immutable",
	record_image_eq: "immutable",
	record_image_ge: "immutable",
	record_image_gt: "immutable",
	record_image_le: "immutable",
	record_image_lt: "immutable",
	record_image_ne: "immutable",
	record_in: "stable",
	record_larger: "immutable",
	record_le: "immutable",
	record_lt: "immutable",
	record_ne: "immutable",
	record_out: "stable",
	record_recv: "stable",
	record_send: "stable",
	record_smaller: "immutable",
	regclass: "stable",
	regclassin: "stable",
	regclassout: "stable",
	regclassrecv: "immutable",
	regclasssend: "immutable",
	regcollationin: "stable",
	regcollationout: "stable",
	regcollationrecv: "immutable",
	regcollationsend: "immutable",
	regconfigin: "stable",
	regconfigout: "stable",
	regconfigrecv: "immutable",
	regconfigsend: "immutable",
	regdictionaryin: "stable",
	regdictionaryout: "stable",
	regdictionaryrecv: "immutable",
	regdictionarysend: "immutable",
	regexeqjoinsel: "stable",
	regexeqsel: "stable",
	regexnejoinsel: "stable",
	regexnesel: "stable",
	regexp_count: "immutable",
	regexp_instr: "immutable",
	regexp_like: "immutable",
	regexp_match: "immutable",
	regexp_matches: "immutable",
	regexp_replace: "immutable",
	regexp_split_to_array: "immutable",
	regexp_split_to_table: "immutable",
	regexp_substr: "immutable",
	regnamespacein: "stable",
	regnamespaceout: "stable",
	regnamespacerecv: "immutable",
	regnamespacesend: "immutable",
	regoperatorin: "stable",
	regoperatorout: "stable",
	regoperatorrecv: "immutable",
	regoperatorsend: "immutable",
	regoperin: "stable",
	regoperout: "stable",
	regoperrecv: "immutable",
	regopersend: "immutable",
	regprocedurein: "stable",
	regprocedureout: "stable",
	regprocedurerecv: "immutable",
	regproceduresend: "immutable",
	regprocin: "stable",
	regprocout: "stable",
	regprocrecv: "immutable",
	regprocsend: "immutable",
	regr_avgx: "immutable",
	regr_avgy: "immutable",
	regr_count: "immutable",
	regr_intercept: "immutable",
	regr_r2: "immutable",
	regr_slope: "immutable",
	regr_sxx: "immutable",
	regr_sxy: "immutable",
	regr_syy: "immutable",
	regrolein: "stable",
	regroleout: "stable",
	regrolerecv: "immutable",
	regrolesend: "immutable",
	regtypein: "stable",
	regtypeout: "stable",
	regtyperecv: "immutable",
	regtypesend: "immutable",
	repeat: "immutable",
	replace: "immutable",
	reverse: "immutable",
	right: "immutable",
	round: "immutable",
	row_number: "immutable",
	row_security_active: "stable",
	row_to_json: "stable",
	rpad: "immutable",
	rtrim: "immutable",
	satisfies_hash_partition: "immutable",
	scalargejoinsel: "stable",
	scalargesel: "stable",
	scalargtjoinsel: "stable",
	scalargtsel: "stable",
	scalarlejoinsel: "stable",
	scalarlesel: "stable",
	scalarltjoinsel: "stable",
	scalarltsel: "stable",
	scale: "immutable",
	schema_to_xml: "stable",
	schema_to_xml_and_xmlschema: "stable",
	schema_to_xmlschema: "stable",
	sec_to_gc: "immutable",
	seg_center: "immutable",
	seg_cmp: "immutable",
	seg_contained: "immutable",
	seg_contains: "immutable",
	seg_different: "immutable",
	seg_ge: "immutable",
	seg_gt: "immutable",
	seg_in: "immutable",
	seg_inter: "immutable",
	seg_le: "immutable",
	seg_left: "immutable",
	seg_lower: "immutable",
	seg_lt: "immutable",
	seg_out: "immutable",
	seg_over_left: "immutable",
	seg_over_right: "immutable",
	seg_overlap: "immutable",
	seg_right: "immutable",
	seg_same: "immutable",
	seg_size: "immutable",
	seg_union: "immutable",
	seg_upper: "immutable",
	session_user: "stable",
	set_bit: "immutable",
	set_byte: "immutable",
	set_config: "volatile",
	set_limit: "volatile",
	set_masklen: "immutable",
	setseed: "volatile",
	setval: "volatile",
	setweight: "immutable",
	sha224: "immutable",
	sha256: "immutable",
	sha384: "immutable",
	sha512: "immutable",
	shell_in: "immutable",
	shell_out: "immutable",
	shift_jis_2004_to_euc_jis_2004: "immutable",
	shift_jis_2004_to_utf8: "immutable",
	shobj_description: "stable",
	show_limit: "stable",
	show_trgm: "immutable",
	sign: "immutable",
	similar_escape: "immutable",
	similar_to_escape: "immutable",
	similarity: "immutable",
	similarity_dist: "immutable",
	similarity_op: "stable",
	sin: "immutable",
	sind: "immutable",
	sinh: "immutable",
	sjis_to_euc_jp: "immutable",
	sjis_to_mic: "immutable",
	sjis_to_utf8: "immutable",
	skeys: "immutable",
	slice: "immutable",
	slice_array: "immutable",
	slope: "immutable",
	sort: "immutable",
	sort_asc: "immutable",
	sort_desc: "immutable",
	soundex: "immutable",
	spg_bbox_quad_config: "immutable",
	spg_box_quad_choose: "immutable",
	spg_box_quad_config: "immutable",
	spg_box_quad_inner_consistent: "immutable",
	spg_box_quad_leaf_consistent: "immutable",
	spg_box_quad_picksplit: "immutable",
	spg_kd_choose: "immutable",
	spg_kd_config: "immutable",
	spg_kd_inner_consistent: "immutable",
	spg_kd_picksplit: "immutable",
	spg_poly_quad_compress: "immutable",
	spg_quad_choose: "immutable",
	spg_quad_config: "immutable",
	spg_quad_inner_consistent: "immutable",
	spg_quad_leaf_consistent: "immutable",
	spg_quad_picksplit: "immutable",
	spg_range_quad_choose: "immutable",
	spg_range_quad_config: "immutable",
	spg_range_quad_inner_consistent: "immutable",
	spg_range_quad_leaf_consistent: "immutable",
	spg_range_quad_picksplit: "immutable",
	spg_text_choose: "immutable",
	spg_text_config: "immutable",
	spg_text_inner_consistent: "immutable",
	spg_text_leaf_consistent: "immutable",
	spg_text_picksplit: "immutable",
	spghandler: "volatile",
	split_part: "immutable",
	sqrt: "immutable",
	starts_with: "immutable",
	statement_timestamp: "stable",
	stddev: "immutable",
	stddev_pop: "immutable",
	stddev_samp: "immutable",
	strict_word_similarity: "immutable",
	strict_word_similarity_commutator_op: "stable",
	strict_word_similarity_dist_commutator_op: "immutable",
	strict_word_similarity_dist_op: "immutable",
	strict_word_similarity_op: "stable",
	string_agg: "immutable",
	string_agg_combine: "immutable",
	string_agg_deserialize: "immutable",
	string_agg_finalfn: "immutable",
	string_agg_serialize: "immutable",
	string_agg_transfn: "immutable",
	string_to_array: "immutable",
	string_to_table: "immutable",
	strip: "immutable",
	strpos: "immutable",
	subarray: "immutable",
	subltree: "immutable",
	subpath: "immutable",
	substr: "immutable",
	substring: "immutable",
	sum: "immutable",
	suppress_redundant_updates_trigger: "volatile",
	svals: "immutable",
	system: "volatile",
	system_user: "stable",
	table_am_handler_in: "immutable",
	table_am_handler_out: "immutable",
	table_to_xml: "stable",
	table_to_xml_and_xmlschema: "stable",
	table_to_xmlschema: "stable",
	tan: "immutable",
	tand: "immutable",
	tanh: "immutable",
	tconvert: "immutable",
	text: "immutable",
	text2ltree: "immutable",
	text_ge: "immutable",
	text_gt: "immutable",
	text_larger: "immutable",
	text_le: "immutable",
	text_lt: "immutable",
	text_pattern_ge: "immutable",
	text_pattern_gt: "immutable",
	text_pattern_le: "immutable",
	text_pattern_lt: "immutable",
	text_smaller: "immutable",
	text_soundex: "immutable",
	text_starts_with_support: "immutable",
	textanycat: "stable",
	textcat: "immutable",
	texteq: "immutable",
	texteqname: "immutable",
	textgename: "immutable",
	textgtname: "immutable",
	texticlike: "immutable",
	texticlike_support: "immutable",
	texticnlike: "immutable",
	texticregexeq: "immutable",
	texticregexeq_support: "immutable",
	texticregexne: "immutable",
	textin: "immutable",
	textlen: "immutable",
	textlename: "immutable",
	textlike: "immutable",
	textlike_support: "immutable",
	textltname: "immutable",
	textne: "immutable",
	textnename: "immutable",
	textnlike: "immutable",
	textout: "immutable",
	textrecv: "stable",
	textregexeq: "immutable",
	textregexeq_support: "immutable",
	textregexne: "immutable",
	textsend: "stable",
	thesaurus_init: "immutable",
	thesaurus_lexize: "immutable",
	tideq: "immutable",
	tidge: "immutable",
	tidgt: "immutable",
	tidin: "immutable",
	tidlarger: "immutable",
	tidle: "immutable",
	tidlt: "immutable",
	tidne: "immutable",
	tidout: "immutable",
	tidrecv: "immutable",
	tidsend: "immutable",
	tidsmaller: "immutable",
	time: "stable",
	time_cmp: "immutable",
	time_dist: "immutable",
	time_eq: "immutable",
	time_ge: "immutable",
	time_gt: "immutable",
	time_hash: "immutable",
	time_hash_extended: "immutable",
	time_in: "stable",
	time_larger: "immutable",
	time_le: "immutable",
	time_lt: "immutable",
	time_mi_interval: "immutable",
	time_mi_time: "immutable",
	time_ne: "immutable",
	time_out: "immutable",
	time_pl_interval: "immutable",
	time_recv: "immutable",
	time_send: "immutable",
	time_smaller: "immutable",
	time_support: "immutable",
	timedate_pl: "immutable",
	timeofday: "volatile",
	timestamp: "stable",
	timestamp_cmp: "immutable",
	timestamp_cmp_date: "immutable",
	timestamp_cmp_timestamptz: "stable",
	timestamp_eq: "immutable",
	timestamp_eq_date: "immutable",
	timestamp_eq_timestamptz: "stable",
	timestamp_ge: "immutable",
	timestamp_ge_date: "immutable",
	timestamp_ge_timestamptz: "stable",
	timestamp_gt: "immutable",
	timestamp_gt_date: "immutable",
	timestamp_gt_timestamptz: "stable",
	timestamp_hash: "immutable",
	timestamp_hash_extended: "immutable",
	timestamp_in: "stable",
	timestamp_larger: "immutable",
	timestamp_le: "immutable",
	timestamp_le_date: "immutable",
	timestamp_le_timestamptz: "stable",
	timestamp_lt: "immutable",
	timestamp_lt_date: "immutable",
	timestamp_lt_timestamptz: "stable",
	timestamp_mi: "immutable",
	timestamp_mi_interval: "immutable",
	timestamp_ne: "immutable",
	timestamp_ne_date: "immutable",
	timestamp_ne_timestamptz: "stable",
	timestamp_out: "stable",
	timestamp_pl_interval: "immutable",
	timestamp_recv: "immutable",
	timestamp_send: "immutable",
	timestamp_skipsupport: "immutable",
	timestamp_smaller: "immutable",
	timestamp_sortsupport: "immutable",
	timestamp_support: "immutable",
	timestamptypmodin: "immutable",
	timestamptypmodout: "immutable",
	timestamptz: "stable",
	timestamptz_cmp: "immutable",
	timestamptz_cmp_date: "stable",
	timestamptz_cmp_timestamp: "stable",
	timestamptz_eq: "immutable",
	timestamptz_eq_date: "stable",
	timestamptz_eq_timestamp: "stable",
	timestamptz_ge: "immutable",
	timestamptz_ge_date: "stable",
	timestamptz_ge_timestamp: "stable",
	timestamptz_gt: "immutable",
	timestamptz_gt_date: "stable",
	timestamptz_gt_timestamp: "stable",
	timestamptz_hash: "immutable",
	timestamptz_hash_extended: "immutable",
	timestamptz_in: "stable",
	timestamptz_larger: "immutable",
	timestamptz_le: "immutable",
	timestamptz_le_date: "stable",
	timestamptz_le_timestamp: "stable",
	timestamptz_lt: "immutable",
	timestamptz_lt_date: "stable",
	timestamptz_lt_timestamp: "stable",
	timestamptz_mi: "immutable",
	timestamptz_mi_interval: "stable",
	timestamptz_ne: "immutable",
	timestamptz_ne_date: "stable",
	timestamptz_ne_timestamp: "stable",
	timestamptz_out: "stable",
	timestamptz_pl_interval: "stable",
	timestamptz_recv: "immutable",
	timestamptz_send: "immutable",
	timestamptz_smaller: "immutable",
	timestamptztypmodin: "immutable",
	timestamptztypmodout: "immutable",
	timetypmodin: "immutable",
	timetypmodout: "immutable",
	timetz: "stable",
	timetz_cmp: "immutable",
	timetz_eq: "immutable",
	timetz_ge: "immutable",
	timetz_gt: "immutable",
	timetz_hash: "immutable",
	timetz_hash_extended: "immutable",
	timetz_in: "stable",
	timetz_larger: "immutable",
	timetz_le: "immutable",
	timetz_lt: "immutable",
	timetz_mi_interval: "immutable",
	timetz_ne: "immutable",
	timetz_out: "immutable",
	timetz_pl_interval: "immutable",
	timetz_recv: "immutable",
	timetz_send: "immutable",
	timetz_smaller: "immutable",
	timetzdate_pl: "immutable",
	timetztypmodin: "immutable",
	timetztypmodout: "immutable",
	timezone: "stable",
	to_ascii: "immutable",
	to_bin: "immutable",
	to_char: "stable",
	to_date: "stable",
	to_hex: "immutable",
	to_json: "stable",
	to_jsonb: "stable",
	to_number: "stable",
	to_oct: "immutable",
	to_regclass: "stable",
	to_regcollation: "stable",
	to_regnamespace: "stable",
	to_regoper: "stable",
	to_regoperator: "stable",
	to_regproc: "stable",
	to_regprocedure: "stable",
	to_regrole: "stable",
	to_regtype: "stable",
	to_regtypemod: "stable",
	to_timestamp: "stable",
	to_tsquery: "stable",
	to_tsvector: "stable",
	transaction_timestamp: "stable",
	translate: "immutable",
	trigger_in: "immutable",
	trigger_out: "immutable",
	trim_array: "immutable",
	trim_scale: "immutable",
	trunc: "immutable",
	ts_debug: "stable",
	ts_delete: "immutable",
	ts_dist: "immutable",
	ts_filter: "immutable",
	ts_headline: "stable",
	ts_lexize: "immutable",
	ts_match_qv: "immutable",
	ts_match_tq: "stable",
	ts_match_tt: "stable",
	ts_match_vq: "immutable",
	ts_parse: "stable",
	ts_rank: "immutable",
	ts_rank_cd: "immutable",
	ts_rewrite: "volatile",
	ts_stat: "volatile",
	ts_token_type: "stable",
	ts_typanalyze: "stable",
	tsm_handler_in: "immutable",
	tsm_handler_out: "immutable",
	tsmatchjoinsel: "stable",
	tsmatchsel: "stable",
	tsmultirange: "immutable",
	tsq_mcontained: "immutable",
	tsq_mcontains: "immutable",
	tsquery_and: "immutable",
	tsquery_cmp: "immutable",
	tsquery_eq: "immutable",
	tsquery_ge: "immutable",
	tsquery_gt: "immutable",
	tsquery_le: "immutable",
	tsquery_lt: "immutable",
	tsquery_ne: "immutable",
	tsquery_not: "immutable",
	tsquery_or: "immutable",
	tsquery_phrase: "immutable",
	tsqueryin: "immutable",
	tsqueryout: "immutable",
	tsqueryrecv: "immutable",
	tsquerysend: "immutable",
	tsrange: "immutable",
	tsrange_subdiff: "immutable",
	tstz_dist: "immutable",
	tstzmultirange: "immutable",
	tstzrange: "immutable",
	tstzrange_subdiff: "immutable",
	tsvector_cmp: "immutable",
	tsvector_concat: "immutable",
	tsvector_eq: "immutable",
	tsvector_ge: "immutable",
	tsvector_gt: "immutable",
	tsvector_le: "immutable",
	tsvector_lt: "immutable",
	tsvector_ne: "immutable",
	tsvector_to_array: "immutable",
	tsvector_update_trigger: "volatile",
	tsvector_update_trigger_column: "volatile",
	tsvectorin: "immutable",
	tsvectorout: "immutable",
	tsvectorrecv: "immutable",
	tsvectorsend: "immutable",
	txid_current: "stable",
	txid_current_if_assigned: "stable",
	txid_current_snapshot: "stable",
	txid_snapshot_in: "immutable",
	txid_snapshot_out: "immutable",
	txid_snapshot_recv: "immutable",
	txid_snapshot_send: "immutable",
	txid_snapshot_xip: "immutable",
	txid_snapshot_xmax: "immutable",
	txid_snapshot_xmin: "immutable",
	txid_status: "volatile",
	txid_visible_in_snapshot: "immutable",
	uhc_to_utf8: "immutable",
	unaccent: "stable",
	unaccent_init: "volatile",
	unaccent_lexize: "volatile",
	unicode_assigned: "immutable",
	unicode_version: "immutable",
	uniq: "immutable",
	unique_key_recheck: "volatile",
	unistr: "immutable",
	unknownin: "immutable",
	unknownout: "immutable",
	unknownrecv: "immutable",
	unknownsend: "immutable",
	unnest: "immutable",
	upc: "immutable",
	upc_in: "immutable",
	upper: "immutable",
	upper_inc: "immutable",
	upper_inf: "immutable",
	utf8_to_big5: "immutable",
	utf8_to_euc_cn: "immutable",
	utf8_to_euc_jis_2004: "immutable",
	utf8_to_euc_jp: "immutable",
	utf8_to_euc_kr: "immutable",
	utf8_to_euc_tw: "immutable",
	utf8_to_gb18030: "immutable",
	utf8_to_gbk: "immutable",
	utf8_to_iso8859: "immutable",
	utf8_to_iso8859_1: "immutable",
	utf8_to_johab: "immutable",
	utf8_to_koi8r: "immutable",
	utf8_to_koi8u: "immutable",
	utf8_to_shift_jis_2004: "immutable",
	utf8_to_sjis: "immutable",
	utf8_to_uhc: "immutable",
	utf8_to_win: "immutable",
	uuid_cmp: "immutable",
	uuid_eq: "immutable",
	uuid_extract_timestamp: "immutable",
	uuid_extract_version: "immutable",
	uuid_ge: "immutable",
	uuid_generate_v1: "volatile",
	uuid_generate_v1mc: "volatile",
	uuid_generate_v3: "immutable",
	uuid_generate_v4: "volatile",
	uuid_generate_v5: "immutable",
	uuid_gt: "immutable",
	uuid_hash: "immutable",
	uuid_hash_extended: "immutable",
	uuid_in: "immutable",
	uuid_le: "immutable",
	uuid_lt: "immutable",
	uuid_ne: "immutable",
	uuid_nil: "immutable",
	uuid_ns_dns: "immutable",
	uuid_ns_oid: "immutable",
	uuid_ns_url: "immutable",
	uuid_ns_x500: "immutable",
	uuid_out: "immutable",
	uuid_recv: "immutable",
	uuid_send: "immutable",
	uuid_skipsupport: "immutable",
	uuid_sortsupport: "immutable",
	uuidv4: "volatile",
	uuidv7: "volatile",
	var_pop: "immutable",
	var_samp: "immutable",
	varbit: "immutable",
	varbit_in: "immutable",
	varbit_out: "immutable",
	varbit_recv: "immutable",
	varbit_send: "immutable",
	varbit_support: "immutable",
	varbitcmp: "immutable",
	varbiteq: "immutable",
	varbitge: "immutable",
	varbitgt: "immutable",
	varbitle: "immutable",
	varbitlt: "immutable",
	varbitne: "immutable",
	varbittypmodin: "immutable",
	varbittypmodout: "immutable",
	varchar: "immutable",
	varchar_support: "immutable",
	varcharin: "immutable",
	varcharout: "immutable",
	varcharrecv: "stable",
	varcharsend: "stable",
	varchartypmodin: "immutable",
	varchartypmodout: "immutable",
	variance: "immutable",
	version: "stable",
	void_in: "immutable",
	void_out: "immutable",
	void_recv: "immutable",
	void_send: "immutable",
	websearch_to_tsquery: "stable",
	width: "immutable",
	width_bucket: "immutable",
	win1250_to_latin2: "immutable",
	win1250_to_mic: "immutable",
	win1251_to_iso: "immutable",
	win1251_to_koi8r: "immutable",
	win1251_to_mic: "immutable",
	win1251_to_win866: "immutable",
	win866_to_iso: "immutable",
	win866_to_koi8r: "immutable",
	win866_to_mic: "immutable",
	win866_to_win1251: "immutable",
	win_to_utf8: "immutable",
	window_cume_dist_support: "immutable",
	window_dense_rank_support: "immutable",
	window_ntile_support: "immutable",
	window_percent_rank_support: "immutable",
	window_rank_support: "immutable",
	window_row_number_support: "immutable",
	word_similarity: "immutable",
	word_similarity_commutator_op: "stable",
	word_similarity_dist_commutator_op: "immutable",
	word_similarity_dist_op: "immutable",
	word_similarity_op: "stable",
	xid: "immutable",
	xid8_larger: "immutable",
	xid8_smaller: "immutable",
	xid8cmp: "immutable",
	xid8eq: "immutable",
	xid8ge: "immutable",
	xid8gt: "immutable",
	xid8in: "immutable",
	xid8le: "immutable",
	xid8lt: "immutable",
	xid8ne: "immutable",
	xid8out: "immutable",
	xid8recv: "immutable",
	xid8send: "immutable",
	xideq: "immutable",
	xideqint4: "immutable",
	xidin: "immutable",
	xidneq: "immutable",
	xidneqint4: "immutable",
	xidout: "immutable",
	xidrecv: "immutable",
	xidsend: "immutable",
	xml: "stable",
	xml_in: "stable",
	xml_is_well_formed: "stable",
	xml_is_well_formed_content: "immutable",
	xml_is_well_formed_document: "immutable",
	xml_out: "immutable",
	xml_recv: "stable",
	xml_send: "stable",
	xmlagg: "immutable",
	xmlcomment: "immutable",
	xmlconcat2: "immutable",
	xmlexists: "immutable",
	xmltext: "immutable",
	xmlvalidate: "immutable",
	xpath: "immutable",
	xpath_exists: "immutable"
};
var catalog = {
	functions: functions
};

const RANK = { immutable: 0, stable: 1, volatile: 2 };
const CATALOG = new Map(Object.entries(catalog.functions));
function catalogVolatility(name) {
  return CATALOG.get(name.toLowerCase());
}
function expressionVolatility(expr, userFunctions = /* @__PURE__ */ new Map()) {
  let volatility = "immutable";
  const volatileCalls = [];
  const raise = (level) => {
    if (RANK[level] > RANK[volatility]) volatility = level;
  };
  walk(expr === void 0 ? [] : [expr], (tag, value) => {
    if (tag === "SQLValueFunction") raise("stable");
    if (tag !== "FuncCall") return;
    const name = (nameList(value.funcname).at(-1) ?? "").toLowerCase();
    const level = userFunctions.get(name) ?? catalogVolatility(name) ?? "volatile";
    raise(level);
    if (level === "volatile" && !volatileCalls.includes(`${name}()`)) volatileCalls.push(`${name}()`);
  });
  return { volatility, volatileCalls };
}
function createdFunctionVolatility(statements) {
  const functions = /* @__PURE__ */ new Map();
  for (const statement of statements) {
    const create = as(statement.ast, "CreateFunctionStmt");
    if (!create || create.is_procedure) continue;
    const name = (nameList(create.funcname).at(-1) ?? "").toLowerCase();
    const declared = option(create, "volatility");
    if (declared === "immutable" || declared === "stable") {
      functions.set(name, declared);
      continue;
    }
    const body = inlinedBody(create);
    functions.set(name, body ? expressionVolatility(body, functions).volatility : "volatile");
  }
  return functions;
}
function option(create, name) {
  const element = (create.options ?? []).map((o) => as(o, "DefElem")).find((e) => e?.defname === name);
  if (!element) return void 0;
  return constValue(element.arg) ?? as(element.arg, "Boolean")?.boolval ?? element.arg;
}
function inlinedBody(create) {
  if (option(create, "language") !== "sql" || option(create, "security") === true) return void 0;
  if (option(create, "set") !== void 0 || create.returnType?.setof) return void 0;
  const returned = as(create.sql_body, "ReturnStmt");
  if (returned) return returned.returnval;
  const source = as(option(create, "as"), "List")?.items?.map(str);
  if (source?.length !== 1) return void 0;
  const parsed = parseSql(source[0] ?? "", "function body").statements;
  const select = parsed.length === 1 ? as(parsed[0]?.ast, "SelectStmt") : void 0;
  if (select?.targetList?.length !== 1 || select.op && select.op !== "SETOP_NONE") return void 0;
  const clauses = [
    select.distinctClause,
    select.intoClause,
    select.fromClause,
    select.whereClause,
    select.groupClause,
    select.havingClause,
    select.windowClause,
    select.valuesLists,
    select.sortClause,
    select.limitOffset,
    select.limitCount,
    select.lockingClause,
    select.withClause
  ];
  if (clauses.some((clause) => clause !== void 0)) return void 0;
  return as(select.targetList[0], "ResTarget")?.val;
}

const LOCK_MODES = [
  "AccessShareLock",
  "RowShareLock",
  "RowExclusiveLock",
  "ShareUpdateExclusiveLock",
  "ShareLock",
  "ShareRowExclusiveLock",
  "ExclusiveLock",
  "AccessExclusiveLock"
];
const CONFLICTS = {
  AccessShareLock: ["AccessExclusiveLock"],
  RowShareLock: ["ExclusiveLock", "AccessExclusiveLock"],
  RowExclusiveLock: ["ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
  ShareUpdateExclusiveLock: [
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock"
  ],
  ShareLock: [
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock"
  ],
  ShareRowExclusiveLock: [
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock"
  ],
  ExclusiveLock: [
    "RowShareLock",
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock"
  ],
  AccessExclusiveLock: LOCK_MODES
};
function conflicts(a, b) {
  return CONFLICTS[a].includes(b);
}
function blockedBy(mode) {
  if (!mode) return [];
  const blocked = [];
  if (conflicts(mode, "AccessShareLock")) blocked.push("reads");
  if (conflicts(mode, "RowExclusiveLock")) blocked.push("writes");
  if (conflicts(mode, "ShareUpdateExclusiveLock")) blocked.push("ddl");
  return blocked;
}
function strongest(modes) {
  let best = null;
  for (const mode of modes) if (!best || LOCK_MODES.indexOf(mode) > LOCK_MODES.indexOf(best)) best = mode;
  return best;
}
function shortLockName(mode) {
  return mode.replace(/Lock$/, "");
}
function blocksTraffic(mode) {
  const blocked = blockedBy(mode);
  return blocked.includes("reads") || blocked.includes("writes");
}

class EffectList {
  byKey = /* @__PURE__ */ new Map();
  add(table, lock, flags = {}) {
    const key = table || `index:${flags.index ?? ""}`;
    const existing = this.byKey.get(key);
    if (!existing) {
      const effect = { table, lock, rewrite: flags.rewrite ?? false, scan: flags.scan ?? false };
      if (flags.index) effect.index = flags.index;
      if (flags.note) effect.note = flags.note;
      this.byKey.set(key, effect);
      return;
    }
    existing.lock = strongest([existing.lock, lock]) ?? lock;
    existing.rewrite ||= flags.rewrite ?? false;
    existing.scan ||= flags.scan ?? false;
    if (flags.note && !existing.note?.includes(flags.note))
      existing.note = existing.note ? `${existing.note}; ${flags.note}` : flags.note;
  }
  /** Reads of other tables (subqueries, FROM, views): AccessShareLock unless a stronger lock is already there. */
  addReads(tables, lock = "AccessShareLock") {
    for (const table of tables) if (table) this.add(table, lock);
  }
  /** Views and foreign tables store no rows: nothing to rewrite or scan. */
  withoutStorage(table) {
    const effect = this.byKey.get(table);
    if (effect) {
      effect.rewrite = false;
      effect.scan = false;
    }
  }
  list() {
    return [...this.byKey.values()];
  }
}
function statementEffects(ast, pgVersion, known = {}) {
  const effects = new EffectList();
  const handler = HANDLERS[Object.keys(ast)[0] ?? ""];
  handler?.(Object.values(ast)[0], effects, { pgVersion, known });
  return effects.list();
}
const RELATION_OBJECTS = /* @__PURE__ */ new Set([
  "OBJECT_TABLE",
  "OBJECT_VIEW",
  "OBJECT_MATVIEW",
  "OBJECT_FOREIGN_TABLE",
  "OBJECT_SEQUENCE"
]);
const HANDLERS = {
  AlterTableStmt: (node, effects, env) => alterTable(node, effects, env),
  IndexStmt(node, effects) {
    const table = tableKey(node.relation);
    if (node.concurrent) effects.add(table, "ShareUpdateExclusiveLock", { scan: true });
    else effects.add(table, "ShareLock", { scan: true });
  },
  DropStmt(node, effects, env) {
    const type = node.removeType ?? "";
    for (const object of node.objects ?? []) {
      const names = objectNames(object);
      if (RELATION_OBJECTS.has(type)) {
        const table = keyOfNames(names);
        const keys = type === "OBJECT_TABLE" ? env.known.foreignKeys?.get(table) : void 0;
        const note = type === "OBJECT_TABLE" && !keys ? "also AccessExclusiveLock on the tables its foreign keys reference, and on dependents with CASCADE" : void 0;
        effects.add(table, "AccessExclusiveLock", { note });
        for (const key of keys ?? [])
          if (key.referenced && key.referenced !== table) effects.add(key.referenced, "AccessExclusiveLock");
      } else if (type === "OBJECT_INDEX") {
        const index = keyOfNames(names);
        const table = env.known.indexTables?.get(index) ?? "";
        const lock = node.concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
        effects.add(table, lock, table ? {} : { index, note: `the table of index ${index}` });
      } else if (type === "OBJECT_TRIGGER" || type === "OBJECT_POLICY" || type === "OBJECT_RULE") {
        effects.add(keyOfNames(names.slice(0, -1)), "AccessExclusiveLock");
      }
    }
  },
  TruncateStmt(node, effects) {
    for (const relation of relations(node.relations))
      effects.add(relation, "AccessExclusiveLock", {
        note: "TRUNCATE swaps in a new empty file (relfilenode) without copying rows"
      });
  },
  RenameStmt(node, effects, env) {
    const type = node.renameType ?? "";
    const table = tableKey(node.relation);
    if (type === "OBJECT_INDEX") {
      const index = table;
      const owner = env.known.indexTables?.get(index);
      effects.add("", env.pgVersion >= 12 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock", {
        index,
        note: owner ? `index of ${owner}` : void 0
      });
      return;
    }
    if (!node.relation) return;
    if (RELATION_OBJECTS.has(type) || ["OBJECT_COLUMN", "OBJECT_TABCONSTRAINT", "OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"].includes(type))
      effects.add(table, "AccessExclusiveLock");
  },
  AlterObjectSchemaStmt(node, effects) {
    if (node.relation && RELATION_OBJECTS.has(node.objectType ?? ""))
      effects.add(tableKey(node.relation), "AccessExclusiveLock");
  },
  CreateTrigStmt(node, effects) {
    effects.add(tableKey(node.relation), "ShareRowExclusiveLock");
  },
  RuleStmt(node, effects) {
    effects.add(tableKey(node.relation), "AccessExclusiveLock");
  },
  CreatePolicyStmt(node, effects) {
    effects.add(tableKey(node.table), "AccessExclusiveLock");
  },
  AlterPolicyStmt(node, effects) {
    effects.add(tableKey(node.table), "AccessExclusiveLock");
  },
  CreateStatsStmt(node, effects) {
    for (const from of node.relations ?? []) {
      const relation = as(from, "RangeVar");
      if (relation) effects.add(tableKey(relation), "ShareUpdateExclusiveLock");
    }
  },
  RefreshMatViewStmt(node, effects) {
    const view = tableKey(node.relation);
    if (node.concurrent) effects.add(view, "ExclusiveLock", { scan: true });
    else effects.add(view, "AccessExclusiveLock", { rewrite: true, scan: true });
  },
  VacuumStmt(node, effects) {
    const options = (node.options ?? []).map((o) => as(o, "DefElem")?.defname ?? "");
    const full = node.is_vacuumcmd === true && options.includes("full") && !isDisabled(node.options, "full");
    const tables = (node.rels ?? []).map((r) => tableKey(as(r, "VacuumRelation")?.relation));
    const flags = full ? { rewrite: true, scan: true } : { scan: node.is_vacuumcmd === true };
    const lock = full ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock";
    if (tables.length === 0) effects.add("", lock, { ...flags, note: "every table in the database" });
    for (const table of tables) effects.add(table, lock, flags);
  },
  ClusterStmt(node, effects) {
    if (node.relation) effects.add(tableKey(node.relation), "AccessExclusiveLock", { rewrite: true, scan: true });
    else
      effects.add("", "AccessExclusiveLock", {
        rewrite: true,
        scan: true,
        note: "every table clustered before (CLUSTER without a table)"
      });
  },
  ReindexStmt(node, effects, env) {
    const concurrent = (node.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently");
    const lock = concurrent ? "ShareUpdateExclusiveLock" : "ShareLock";
    const note = concurrent ? void 0 : "AccessExclusiveLock on each index rebuilt: queries planned on the table wait for it";
    if (node.kind === "REINDEX_OBJECT_TABLE") effects.add(tableKey(node.relation), lock, { scan: true, note });
    else if (node.kind === "REINDEX_OBJECT_INDEX") {
      const index = tableKey(node.relation);
      const table = env.known.indexTables?.get(index) ?? "";
      effects.add(table, lock, { scan: true, note, index: table ? void 0 : index });
    } else effects.add("", lock, { scan: true, note: `every index of the ${schemaOrDatabase(node.kind)}` });
  },
  LockStmt(node, effects) {
    const lock = LOCK_MODES[(node.mode ?? 8) - 1] ?? "AccessExclusiveLock";
    for (const relation of relations(node.relations)) effects.add(relation, lock);
  },
  CommentStmt(node, effects) {
    const type = node.objtype ?? "";
    const names = objectNames(node.object);
    if (RELATION_OBJECTS.has(type)) effects.add(keyOfNames(names), "ShareUpdateExclusiveLock");
    else if (type === "OBJECT_COLUMN") effects.add(keyOfNames(names.slice(0, -1)), "ShareUpdateExclusiveLock");
    else if (["OBJECT_TABCONSTRAINT", "OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"].includes(type))
      effects.add(keyOfNames(names.slice(0, -1)), "AccessShareLock");
    else if (type === "OBJECT_INDEX") effects.add("", "ShareUpdateExclusiveLock", { index: keyOfNames(names) });
  },
  GrantStmt(node, effects) {
    if (node.targtype !== "ACL_TARGET_OBJECT" || !RELATION_OBJECTS.has(node.objtype ?? "")) return;
    for (const relation of relations(node.objects)) effects.add(relation, "AccessShareLock");
  },
  AlterDomainStmt(node, effects) {
    const domain = nameList(node.typeName).join(".");
    const constraint = as(node.def, "Constraint");
    const checks = node.subtype === "C" && constraint && !constraint.skip_validation || node.subtype === "O" || node.subtype === "V";
    if (!checks) return;
    effects.add("", "ShareLock", {
      scan: true,
      note: `every table with a column of domain ${domain}`
    });
  },
  CreateStmt(node, effects) {
    const self = tableKey(node.relation);
    const parents = relations(node.inhRelations);
    for (const parent of parents)
      effects.add(parent, node.partbound ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock", {
        note: node.partbound ? "and a scan of the default partition, if there is one" : void 0
      });
    for (const element of node.tableElts ?? []) {
      const like = as(element, "TableLikeClause");
      if (like) effects.add(tableKey(like.relation), "AccessShareLock");
      for (const constraint of elementConstraints(element)) {
        if (constraint.contype !== "CONSTR_FOREIGN") continue;
        const referenced = tableKey(constraint.pktable);
        if (referenced && referenced !== self) effects.add(referenced, "ShareRowExclusiveLock");
      }
    }
  },
  CreateTableAsStmt(node, effects) {
    effects.addReads(readTables(node.query, [tableKey(node.into?.rel)]));
  },
  ViewStmt(node, effects) {
    const view = tableKey(node.view);
    effects.addReads(readTables(node.query, [view]));
    if (node.replace) effects.add(view, "AccessExclusiveLock", { note: "when the view already exists" });
  },
  SelectStmt(node, effects) {
    const locking = (node.lockingClause ?? []).length > 0;
    effects.addReads(readTables({ SelectStmt: node }, []), locking ? "RowShareLock" : "AccessShareLock");
  },
  InsertStmt(node, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock");
    effects.addReads(readTables({ InsertStmt: node }, [target]));
  },
  UpdateStmt(node, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock", { scan: !node.whereClause });
    effects.addReads(readTables({ UpdateStmt: node }, [target]));
  },
  DeleteStmt(node, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock", { scan: !node.whereClause });
    effects.addReads(readTables({ DeleteStmt: node }, [target]));
  },
  MergeStmt(node, effects) {
    const target = tableKey(node.relation);
    effects.add(target, "RowExclusiveLock");
    effects.addReads(readTables({ MergeStmt: node }, [target]));
  },
  CopyStmt(node, effects) {
    if (node.relation) effects.add(tableKey(node.relation), node.is_from ? "RowExclusiveLock" : "AccessShareLock");
    else if (node.query) effects.addReads(readTables(node.query, []));
  }
};
const ACCESS_EXCLUSIVE_RELOPTIONS = /* @__PURE__ */ new Set([
  "user_catalog_table",
  "check_option",
  "security_barrier",
  "security_invoker"
]);
const SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS = /* @__PURE__ */ new Set([
  "AT_SetStatistics",
  "AT_SetOptions",
  "AT_ResetOptions",
  "AT_ClusterOn",
  "AT_DropCluster",
  "AT_ValidateConstraint",
  "AT_DetachPartitionFinalize"
]);
const TRIGGER_SUBCOMMANDS = /* @__PURE__ */ new Set([
  "AT_EnableTrig",
  "AT_EnableAlwaysTrig",
  "AT_EnableReplicaTrig",
  "AT_DisableTrig",
  "AT_EnableTrigAll",
  "AT_DisableTrigAll",
  "AT_EnableTrigUser",
  "AT_DisableTrigUser"
]);
const REWRITE_SUBCOMMANDS = /* @__PURE__ */ new Set(["AT_SetTableSpace", "AT_SetLogged", "AT_SetUnLogged", "AT_SetAccessMethod"]);
function alterTable(node, effects, env) {
  const objtype = node.objtype ?? "OBJECT_TABLE";
  const target = tableKey(node.relation);
  if (objtype === "OBJECT_INDEX") {
    const table = env.known.indexTables?.get(target);
    const lock = strongest((node.cmds ?? []).map((c) => subcommandLock(as(c, "AlterTableCmd"), env.pgVersion))) ?? "AccessExclusiveLock";
    const rewrite = (node.cmds ?? []).some((c) => as(c, "AlterTableCmd")?.subtype === "AT_SetTableSpace");
    effects.add("", lock, { index: target, rewrite, note: table ? `index of ${table}` : void 0 });
    return;
  }
  if (!RELATION_OBJECTS.has(objtype)) return;
  for (const item of node.cmds ?? []) {
    const cmd = as(item, "AlterTableCmd");
    if (cmd) alterTableCommand(target, cmd, effects, env);
  }
  if (objtype === "OBJECT_VIEW" || objtype === "OBJECT_FOREIGN_TABLE") effects.withoutStorage(target);
}
function subcommandLock(cmd, pgVersion) {
  const subtype = cmd?.subtype ?? "";
  if (SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS.has(subtype)) return "ShareUpdateExclusiveLock";
  if (TRIGGER_SUBCOMMANDS.has(subtype)) return "ShareRowExclusiveLock";
  if (subtype === "AT_SetRelOptions" || subtype === "AT_ResetRelOptions") {
    const options = (as(cmd?.def, "List")?.items ?? []).map((o) => as(o, "DefElem")?.defname ?? "");
    return options.some((o) => ACCESS_EXCLUSIVE_RELOPTIONS.has(o)) ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock";
  }
  if (subtype === "AT_AttachPartition") return pgVersion >= 12 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
  if (subtype === "AT_DetachPartition")
    return as(cmd?.def, "PartitionCmd")?.concurrent ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
  if (subtype === "AT_AddConstraint" && as(cmd?.def, "Constraint")?.contype === "CONSTR_FOREIGN")
    return "ShareRowExclusiveLock";
  return "AccessExclusiveLock";
}
function alterTableCommand(table, cmd, effects, env) {
  const subtype = cmd.subtype ?? "";
  const lock = subcommandLock(cmd, env.pgVersion);
  switch (subtype) {
    case "AT_AddColumn": {
      const column = as(cmd.def, "ColumnDef");
      effects.add(table, lock);
      if (column) effects.add(table, lock, addColumnFlags(column, effects, env));
      return;
    }
    case "AT_AddConstraint": {
      const constraint = as(cmd.def, "Constraint");
      if (constraint) addConstraint(table, constraint, effects);
      else effects.add(table, lock);
      return;
    }
    case "AT_AlterColumnType": {
      const column = as(cmd.def, "ColumnDef");
      effects.add(table, lock, alterTypeFlags(table, cmd.name ?? "", column, env));
      for (const key of env.known.foreignKeys?.get(table) ?? [])
        if (key.columns.includes(cmd.name ?? "") && key.referenced !== table)
          effects.add(key.referenced, "AccessExclusiveLock");
      return;
    }
    case "AT_SetNotNull": {
      const proven = env.pgVersion >= 12 && env.known.hasValidatedNotNullCheck?.(table, cmd.name ?? "") === true;
      effects.add(table, lock, { scan: !proven });
      return;
    }
    case "AT_ValidateConstraint":
      effects.add(table, lock, { scan: true });
      return;
    case "AT_SetExpression":
      effects.add(table, lock, { rewrite: true, scan: true });
      return;
    case "AT_AttachPartition":
    case "AT_DetachPartition": {
      const partition = tableKey(as(cmd.def, "PartitionCmd")?.name);
      effects.add(table, lock);
      const partitionLock = subtype === "AT_DetachPartition" && lock === "ShareUpdateExclusiveLock" ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
      effects.add(partition, partitionLock, {
        scan: subtype === "AT_AttachPartition",
        note: subtype === "AT_AttachPartition" ? "and AccessExclusiveLock on the default partition, if any" : void 0
      });
      return;
    }
    case "AT_AddInherit":
    case "AT_DropInherit":
      effects.add(table, lock);
      effects.add(tableKey(as(cmd.def, "RangeVar")), "ShareUpdateExclusiveLock");
      return;
    case "AT_DropConstraint": {
      const keys = env.known.foreignKeys?.get(table);
      const key = keys?.find((k) => k.name === cmd.name);
      effects.add(table, lock, {
        note: keys ? void 0 : "dropping a foreign key also takes AccessExclusiveLock on the table it references"
      });
      if (key?.referenced && key.referenced !== table) effects.add(key.referenced, "AccessExclusiveLock");
      return;
    }
    default:
      effects.add(table, lock, REWRITE_SUBCOMMANDS.has(subtype) ? { rewrite: true, scan: true } : {});
  }
}
function addConstraint(table, constraint, effects) {
  const validates = !constraint.skip_validation;
  switch (constraint.contype) {
    case "CONSTR_FOREIGN":
      effects.add(table, "ShareRowExclusiveLock", { scan: validates });
      effects.add(tableKey(constraint.pktable), "ShareRowExclusiveLock");
      return;
    case "CONSTR_PRIMARY":
    case "CONSTR_UNIQUE":
      effects.add(table, "AccessExclusiveLock", { scan: !constraint.indexname });
      return;
    case "CONSTR_EXCLUSION":
      effects.add(table, "AccessExclusiveLock", { scan: true });
      return;
    default:
      effects.add(table, "AccessExclusiveLock", { scan: validates });
  }
}
const SERIAL_TYPES = /* @__PURE__ */ new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);
function addColumnFlags(column, effects, env) {
  const flags = {};
  const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
  const defaultExpr = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
  const hasDefault = defaultExpr !== void 0 && constValue(defaultExpr) !== null;
  if (SERIAL_TYPES.has(typeBase(column.typeName))) flags.rewrite = true;
  if (hasDefault) {
    const volatile = expressionVolatility(defaultExpr, env.known.functionVolatility ?? /* @__PURE__ */ new Map()).volatility === "volatile";
    if (volatile || env.pgVersion < 11) flags.rewrite = true;
  }
  for (const constraint of constraints) {
    switch (constraint.contype) {
      case "CONSTR_IDENTITY":
        flags.rewrite = true;
        break;
      case "CONSTR_GENERATED":
        if (constraint.generated_kind !== "v" || env.pgVersion < 18) flags.rewrite = true;
        break;
      case "CONSTR_NOTNULL":
        if (!hasDefault) flags.scan = true;
        break;
      case "CONSTR_CHECK":
      case "CONSTR_PRIMARY":
      case "CONSTR_UNIQUE":
      case "CONSTR_EXCLUSION":
        flags.scan = true;
        break;
      case "CONSTR_FOREIGN":
        flags.scan = true;
        effects.add(tableKey(constraint.pktable), "ShareRowExclusiveLock");
        break;
    }
  }
  if (flags.rewrite) flags.scan = true;
  return flags;
}
function typeChangeVerdict(current, target, using, column) {
  if (!target) return "rewrite";
  if (using && !passesColumnThrough(using, column)) return "rewrite";
  if (current === void 0) return canBeBinaryCompatibleTarget(target) ? "unknown-current" : "rewrite";
  return isBinaryCompatibleChange(current, target) ? "none" : "rewrite";
}
function alterTypeFlags(table, columnName, column, env) {
  const target = column?.typeName;
  const current = env.known.columnTypes?.get(`${table}.${columnName}`);
  const verdict = typeChangeVerdict(current, target, column?.raw_default, columnName);
  if (verdict === "none") return {};
  if (verdict === "unknown-current" && target)
    return {
      rewrite: true,
      scan: true,
      note: `the current type of ${columnName} is not known: no rewrite only if it is binary-compatible with ${typeLabel(target)}`
    };
  return { rewrite: true, scan: true };
}
function passesColumnThrough(expr, column) {
  const cast = as(expr, "TypeCast");
  const inner = cast ? cast.arg : expr;
  const ref = as(inner, "ColumnRef");
  return ref !== void 0 && str(ref.fields?.at(-1)) === column;
}
const TYPE_ALIASES = {
  "character varying": "varchar",
  character: "bpchar",
  char: "bpchar",
  int: "int4",
  integer: "int4",
  smallint: "int2",
  bigint: "int8",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallserial: "int2",
  serial2: "int2",
  decimal: "numeric",
  "double precision": "float8",
  real: "float4",
  boolean: "bool",
  "bit varying": "varbit",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  "time without time zone": "time",
  "time with time zone": "timetz"
};
function parseTypeString(text) {
  const match = /^\s*(?:pg_catalog\.)?([a-z_][a-z0-9_ ."]*?)\s*(?:\(\s*([0-9,\s]*)\s*\))?\s*(with(?:out)? time zone)?\s*((?:\[\d*\]\s*)*)$/i.exec(
    text
  );
  if (!match) return void 0;
  let base = (match[1] ?? "").toLowerCase().replace(/"/g, "");
  if (match[3]) base = `${base} ${match[3].toLowerCase()}`;
  base = TYPE_ALIASES[base] ?? base;
  const mods = (match[2] ?? "").split(",").map((m) => m.trim()).filter((m) => m !== "").map(Number);
  const arrayDims = (match[4] ?? "").split("[").length - 1;
  return { base, mods, arrayDims };
}
function fromTypeName(typeName) {
  const base = typeBase(typeName);
  return { base: TYPE_ALIASES[base] ?? base, mods: typeMods(typeName), arrayDims: typeName.arrayBounds?.length ?? 0 };
}
function toColumnType(type) {
  return typeof type === "string" ? parseTypeString(type) : fromTypeName(type);
}
function typeLabel(typeName) {
  const t = fromTypeName(typeName);
  return `${t.base}${t.mods.length ? `(${t.mods.join(",")})` : ""}${"[]".repeat(t.arrayDims)}`;
}
const STRING_TYPES$1 = /* @__PURE__ */ new Set(["varchar", "text", "citext"]);
const PRECISION_TYPES = /* @__PURE__ */ new Set(["timestamp", "timestamptz", "time", "timetz", "interval"]);
const BINARY_CASTS = /* @__PURE__ */ new Set(["cidr>inet", "xml>text", "int4>oid", "oid>int4"]);
function isBinaryCompatibleChange(from, to) {
  const a = toColumnType(from);
  const b = toColumnType(to);
  if (!a || !b || a.arrayDims !== b.arrayDims) return false;
  if (a.base === b.base && sameMods(a.mods, b.mods)) return true;
  if (a.arrayDims > 0) return false;
  if (STRING_TYPES$1.has(a.base) && STRING_TYPES$1.has(b.base)) {
    if (b.base !== "varchar") return true;
    if (b.mods.length === 0) return true;
    return a.base === "varchar" && a.mods.length > 0 && (b.mods[0] ?? 0) >= (a.mods[0] ?? 0);
  }
  if (a.base !== b.base) return BINARY_CASTS.has(`${a.base}>${b.base}`) && b.mods.length === 0;
  if (b.mods.length === 0) return a.base === "numeric" || a.base === "varbit" || PRECISION_TYPES.has(a.base);
  if (a.base === "numeric") {
    if (a.mods.length === 0) return false;
    const [p1 = 0, s1 = 0] = a.mods;
    const [p2 = 0, s2 = 0] = b.mods;
    return s1 === s2 && p2 >= p1;
  }
  if (a.base === "varbit") return a.mods.length > 0 && (b.mods[0] ?? 0) >= (a.mods[0] ?? 0);
  if (PRECISION_TYPES.has(a.base) && a.base !== "interval") {
    const p1 = a.mods[0] ?? 6;
    return (b.mods[0] ?? 6) >= p1;
  }
  return false;
}
function sameMods(a, b) {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}
function canBeBinaryCompatibleTarget(target) {
  const t = fromTypeName(target);
  if (t.arrayDims > 0) return false;
  return STRING_TYPES$1.has(t.base) || PRECISION_TYPES.has(t.base) || t.base === "numeric" || t.base === "varbit" || t.base === "inet";
}
function relations(nodes) {
  return (nodes ?? []).map((n) => tableKey(as(n, "RangeVar"))).filter((k) => k !== "");
}
function objectNames(object) {
  const list = as(object, "List");
  if (list) return nameList(list.items);
  const single = str(object);
  return single ? [single] : [];
}
function keyOfNames(names) {
  const name = names.at(-1) ?? "";
  return name ? qualifiedKey(names.length > 1 ? names.at(-2) : void 0, name) : "";
}
function elementConstraints(element) {
  const column = as(element, "ColumnDef");
  const nodes = column ? column.constraints ?? [] : [element];
  return nodes.map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
}
function isDisabled(options, name) {
  const option = (options ?? []).map((o) => as(o, "DefElem")).find((d) => d?.defname === name);
  const value = constValue(option?.arg);
  return value === false || value === 0 || value === "false" || value === "off";
}
function schemaOrDatabase(kind) {
  if (kind === "REINDEX_OBJECT_SCHEMA") return "schema";
  if (kind === "REINDEX_OBJECT_SYSTEM") return "system catalogs";
  return "database";
}
function readTables(query, exclude) {
  const ctes = /* @__PURE__ */ new Set();
  const found = [];
  walk(query, (tag, value) => {
    if (tag === "CommonTableExpr") ctes.add(String(value.ctename ?? ""));
    if (tag === "RangeVar") found.push(value);
  });
  const tables = /* @__PURE__ */ new Set();
  for (const relation of found) {
    const key = tableKey(relation);
    if (!relation.schemaname && ctes.has(relation.relname ?? "")) continue;
    if (key && !exclude.includes(key)) tables.add(key);
  }
  return [...tables];
}

const TABLES = {
  alembic: "CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
  prisma: `CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL,
  finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
  started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`,
  flyway: `CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50),
  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,
  installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)`,
  "golang-migrate": "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
  dbmate: "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)",
  diesel: "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)"
};
const literal = (value) => `'${value.replaceAll("'", "''")}'`;
function bookkeepingTable(convention) {
  return TABLES[convention] ?? null;
}
function recordApplied(migration) {
  const insert = recordStatement(migration);
  return insert ? `SET LOCAL session_replication_role = replica; ${insert}` : null;
}
function recordStatement(migration) {
  const id = literal(migration.id);
  switch (migration.convention) {
    case "alembic":
      return `DELETE FROM alembic_version; INSERT INTO alembic_version (version_num) VALUES (${id})`;
    case "prisma":
      return `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (gen_random_uuid()::text, ${literal(migration.checksum ?? "")}, now(), ${id}, 1)`;
    case "flyway":
      return `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by, execution_time, success)
  SELECT coalesce(max(installed_rank), 0) + 1, ${migration.repeatable ? "NULL" : id}, ${literal(migration.name)}, 'SQL', ${literal(migration.path.split("/").pop() ?? migration.path)}, current_user, 0, true FROM flyway_schema_history`;
    case "golang-migrate":
      return /^\d+$/.test(migration.id) ? `DELETE FROM schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES (${migration.id}, false)` : null;
    case "dbmate":
    case "diesel": {
      const table = migration.convention === "diesel" ? "__diesel_schema_migrations" : "schema_migrations";
      return `INSERT INTO ${table} (version) VALUES (${id}) ON CONFLICT DO NOTHING`;
    }
    default:
      return null;
  }
}

const SHARED_TARBALLS = {
  autoinc: "spi",
  insert_username: "spi",
  moddatetime: "spi",
  refint: "spi"
};
const SHARED_PRELOAD = /* @__PURE__ */ new Set(["pg_stat_statements", "auto_explain"]);
function tarballName(extension) {
  return SHARED_TARBALLS[extension] ?? extension;
}
function requestedExtensions(migrations) {
  const names = /* @__PURE__ */ new Set();
  for (const migration of migrations) {
    for (const statement of migration.statements) {
      const create = as(statement.ast, "CreateExtensionStmt");
      if (create?.extname) names.add(create.extname);
    }
  }
  return [...names];
}
function missingExtension(message) {
  return /extension "([^"]+)" is not available/.exec(message)?.[1] ?? /could not open extension control file "[^"]*\/([^"/]+)\.control"/.exec(message)?.[1];
}

const EXTENSION_PACKAGES = [
  "@electric-sql/pglite-pgvector",
  "@electric-sql/pglite-age",
  "@electric-sql/pglite-pg_hashids",
  "@electric-sql/pglite-pg_ivm",
  "@electric-sql/pglite-pg_textsearch",
  "@electric-sql/pglite-pg_uuidv7",
  "@electric-sql/pglite-pgtap"
];
let resolved;
function engineAssets() {
  resolved ??= import.meta.url.endsWith(".ts") ? sourceAssets() : bundleAssets();
  return resolved;
}
function bundleAssets() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.join(here, "pglite");
  return {
    startWorker: (options) => new Worker(pathToFileURL(path.join(here, "engine-worker.js")), options),
    pgliteWasm: path.join(dir, "pglite.wasm"),
    initdbWasm: path.join(dir, "initdb.wasm"),
    fsBundle: path.join(dir, "pglite.data"),
    pgdata: path.join(dir, "pgdata.tar.gz"),
    tarballs: tarballsIn([dir])
  };
}
function sourceAssets() {
  const require = createRequire(import.meta.url);
  const pgliteDist = path.dirname(require.resolve("@electric-sql/pglite"));
  const extensionDirs = EXTENSION_PACKAGES.flatMap((name) => {
    try {
      return [path.dirname(require.resolve(name))];
    } catch {
      return [];
    }
  });
  const nodeModules = path.resolve(pgliteDist, "../../..");
  return {
    startWorker: (options) => {
      const tsx = pathToFileURL(path.join(path.dirname(require.resolve("tsx/package.json")), "dist/esm/api/index.mjs"));
      const entry = new URL("./worker.ts", import.meta.url);
      const bootstrap = `import(${JSON.stringify(tsx.href)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
      return new Worker(bootstrap, { ...options, eval: true });
    },
    pgliteWasm: path.join(pgliteDist, "pglite.wasm"),
    initdbWasm: path.join(pgliteDist, "initdb.wasm"),
    fsBundle: path.join(pgliteDist, "pglite.data"),
    pgdata: path.join(nodeModules, ".cache", "db-migrate", `pgdata-${pgliteVersion(pgliteDist)}.tar.gz`),
    tarballs: tarballsIn([pgliteDist, ...extensionDirs])
  };
}
function pgliteVersion(pgliteDist) {
  const manifest = JSON.parse(readFileSync(path.join(pgliteDist, "..", "package.json"), "utf8"));
  return manifest.version;
}
function tarballsIn(dirs) {
  const found = /* @__PURE__ */ new Map();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (file.endsWith(".tar.gz") && file !== "pgdata.tar.gz")
        found.set(file.slice(0, -".tar.gz".length), path.join(dir, file));
    }
  }
  return found;
}

class BudgetExceeded extends Error {
  constructor(kind, limit) {
    super(
      kind === "time" ? `stopped after the ${formatMs(limit)} time budget` : `stopped: the embedded PostgreSQL went past the ${limit} MB memory budget`
    );
    this.kind = kind;
    this.limit = limit;
  }
  kind;
  limit;
  name = "BudgetExceeded";
}
function formatMs(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}
let shared;
let pristine;
const wasm = globalThis.WebAssembly;
function loadShared() {
  shared ??= (async () => {
    const assets = engineAssets();
    const [pgliteWasm, initdbWasm] = await Promise.all([
      wasm.compile(readFileSync(assets.pgliteWasm)),
      existsSync(assets.pgdata) ? null : wasm.compile(readFileSync(assets.initdbWasm))
    ]);
    const bundle = readFileSync(assets.fsBundle);
    const fsBundle = bundle.buffer.slice(bundle.byteOffset, bundle.byteOffset + bundle.byteLength);
    return { init: { pgliteWasm, fsBundle, initdbWasm }, assets };
  })();
  return shared;
}
function pristineDataDir(assets) {
  pristine ??= existsSync(assets.pgdata) ? new Uint8Array(gunzipSync(readFileSync(assets.pgdata))) : null;
  return pristine;
}
class WorkerSession {
  constructor(resources, options) {
    this.resources = resources;
    this.options = options;
  }
  resources;
  options;
  inTransaction = false;
  /** Time budget end (Date.now() ms) for the requests sent from now on; null: none. */
  deadline = null;
  worker;
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  journal = [];
  exited = /* @__PURE__ */ new WeakSet();
  base;
  /** Starts PostgreSQL from `initial` (a checkpoint), else from the pre-initialised data dir (else initdb). */
  static async start(extensions, options, initial) {
    const started = performance.now();
    const assets = engineAssets();
    const worker = spawnWorker(assets);
    const resources = await loadShared();
    const session = new WorkerSession(resources, options);
    session.adopt(worker);
    const compiled = performance.now();
    const start = initial ?? (pristineDataDir(assets) ? { data: pristineDataDir(assets), extensions: [] } : null);
    if (start) {
      await session.open(start.data, [...start.extensions, ...extensions]);
      session.base = { data: start.data, extensions: session.extensions };
    } else {
      options.log(`engine: no pre-initialised data dir at ${assets.pgdata}; running initdb`);
      await session.open(null, extensions);
      session.base = await session.checkpoint();
      savePristine(assets, session.base.data, options.log);
    }
    options.log(
      `engine: PostgreSQL ready in ${Math.round(performance.now() - started)} ms (WASM ${Math.round(compiled - started)} ms, ${initial ? "cached state" : "data dir"} ${Math.round(performance.now() - compiled)} ms)`
    );
    return session;
  }
  extensions = [];
  /** Whether the embedded PostgreSQL ships this extension's files. */
  hasExtension(name) {
    return this.resources.assets.tarballs.has(tarballName(name));
  }
  async exec(sql, blob) {
    const request = blob ? { id: 0, op: "exec", sql, blob } : { id: 0, op: "exec", sql };
    const response = await this.send(request);
    this.journal.push(blob ? { sql, blob } : { sql });
    return response.ok ? { ok: true, results: response.results ?? [] } : { ok: false, error: response.error };
  }
  /** Reads that change nothing (not journaled). Throws on SQL errors. */
  async read(sql) {
    const response = await this.send({ id: 0, op: "exec", sql });
    if (!response.ok) throw new Error(`${response.error.message} (in: ${sql.slice(0, 200)})`);
    return response.results ?? [];
  }
  async checkpoint() {
    const flushed = await this.send({ id: 0, op: "exec", sql: "CHECKPOINT" });
    if (!flushed.ok) throw new Error(`CHECKPOINT failed: ${flushed.error.message}`);
    const response = await this.send({ id: 0, op: "dump", compression: "none" });
    if (!response.ok || !response.data) throw new Error(`dumping the data dir failed: ${errorText(response)}`);
    return { data: response.data, extensions: [...this.extensions] };
  }
  /** Makes a checkpoint of the current state the point recovery starts from (no restart). */
  rebase(checkpoint) {
    this.base = checkpoint;
    this.journal = [];
  }
  /** Replaces the whole state by a checkpoint's (restarting PostgreSQL). */
  async restore(checkpoint, extraExtensions = []) {
    await this.open(checkpoint.data, [...checkpoint.extensions, ...extraExtensions]);
    this.base = { data: checkpoint.data, extensions: [...this.extensions] };
    this.journal = [];
  }
  /** Makes sure these extensions' files are loaded, restarting PostgreSQL with the current state if needed. */
  async loadExtensions(names) {
    const missing = names.filter((name) => this.hasExtension(name) && !this.extensions.includes(name));
    if (missing.length === 0) return;
    this.options.log(`engine: loading extension(s) ${missing.join(", ")}`);
    if (this.journal.length === 0) return this.restore(this.base, missing);
    return this.restore(await this.checkpoint(), missing);
  }
  /** After the worker was stopped: a new one, rebuilt from the last checkpoint and the journal. */
  async recover() {
    this.spawn();
    const journal = this.journal;
    this.journal = [];
    this.deadline = null;
    await this.open(this.base.data, this.base.extensions);
    for (const entry of journal) await this.exec(entry.sql, entry.blob);
  }
  async close() {
    for (const { reject } of this.pending.values()) reject(new Error("engine closed"));
    this.pending.clear();
    await this.worker.terminate();
  }
  async open(data, extensions) {
    const unique = [...new Set(extensions)].filter((name) => this.hasExtension(name));
    const specs = unique.map((name) => ({
      name,
      url: new URL(`file://${this.resources.assets.tarballs.get(tarballName(name))}`).href,
      preload: SHARED_PRELOAD.has(name)
    }));
    const response = await this.send({ id: 0, op: "open", data, extensions: specs });
    if (!response.ok) throw new Error(`starting the embedded PostgreSQL failed: ${response.error.message}`);
    this.extensions = unique;
  }
  spawn() {
    this.adopt(spawnWorker(this.resources.assets));
  }
  /** Takes a started worker: hands it the compiled WASM and listens to it. */
  adopt(worker) {
    this.worker = worker;
    worker.postMessage({ init: this.resources.init });
    worker.on("message", (response) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      waiting?.resolve(response);
    });
    const fail = (error) => {
      if (this.worker !== worker) return;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    worker.on(
      "error",
      (error) => fail(
        error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new BudgetExceeded("memory", this.options.memoryLimitMb) : error
      )
    );
    worker.on("exit", (code) => {
      this.exited.add(worker);
      fail(new Error(`the engine worker exited (${code})`));
    });
  }
  send(request) {
    const id = this.nextId++;
    const worker = this.worker;
    const deadline = this.deadline;
    if (this.exited.has(worker)) return Promise.reject(new Error("the engine worker is not running"));
    return new Promise((resolve, reject) => {
      let timer;
      const stop = (error) => {
        cleanup();
        this.pending.delete(id);
        this.exited.add(worker);
        void worker.terminate();
        reject(error);
      };
      const watchdog = setInterval(() => {
        if (process.memoryUsage.rss() > this.options.memoryLimitMb * 1024 * 1024)
          stop(new BudgetExceeded("memory", this.options.memoryLimitMb));
      }, 200);
      if (deadline)
        timer = setTimeout(
          () => stop(new BudgetExceeded("time", deadline.budgetMs)),
          Math.max(0, deadline.at - Date.now())
        );
      const cleanup = () => {
        clearInterval(watchdog);
        if (timer) clearTimeout(timer);
      };
      this.pending.set(id, {
        resolve: (response) => {
          cleanup();
          this.inTransaction = response.inTransaction;
          resolve(response);
        },
        reject: (error) => {
          cleanup();
          reject(error);
        }
      });
      worker.postMessage({ ...request, id });
    });
  }
}
function spawnWorker(assets) {
  return assets.startWorker({ resourceLimits: { maxOldGenerationSizeMb: 1024 } });
}
function errorText(response) {
  return response.ok ? "no data" : response.error.message;
}
function savePristine(assets, data, log) {
  if (!import.meta.url.endsWith(".ts")) return;
  try {
    mkdirSync(path.dirname(assets.pgdata), { recursive: true });
    writeFileSync(assets.pgdata, gzipSync(data));
    pristine = data;
  } catch (error) {
    log(`engine: could not keep the initialised data dir: ${error.message}`);
  }
}

function isTransactionControl(statement) {
  if (statement.kind === "TransactionStmt") return true;
  const set = as(statement.ast, "VariableSetStmt");
  return set?.name === "TRANSACTION" || set?.name === "SESSION CHARACTERISTICS";
}
function cannotRunInTransaction(ast) {
  if (!ast) return false;
  if (as(ast, "IndexStmt")?.concurrent) return true;
  if (as(ast, "DropStmt")?.concurrent) return true;
  const reindex = as(ast, "ReindexStmt");
  if (reindex?.params?.some((p) => as(p, "DefElem")?.defname === "concurrently")) return true;
  if (as(ast, "VacuumStmt")?.is_vacuumcmd) return true;
  if (as(ast, "CreatedbStmt") || as(ast, "DropdbStmt") || as(ast, "AlterSystemStmt")) return true;
  if (as(ast, "CreateTableSpaceStmt") || as(ast, "DropTableSpaceStmt")) return true;
  const alter = as(ast, "AlterTableStmt");
  return alter?.cmds?.some((cmd) => {
    const def = as(as(cmd, "AlterTableCmd")?.def, "PartitionCmd");
    return def?.concurrent === true;
  }) ?? false;
}
function executableSql(statement) {
  const copy = as(statement.ast, "CopyStmt");
  if (copy?.is_from && !copy.filename && statement.copyData !== void 0) {
    const rows = statement.copyData.length > 0 ? `${statement.copyData}
` : "";
    return {
      sql: statement.sql.replace(/\bfrom\s+stdin\b/i, "FROM '/dev/blob'"),
      blob: new TextEncoder().encode(rows)
    };
  }
  return { sql: statement.sql };
}
function namedRelations(ast) {
  const names = /* @__PURE__ */ new Set();
  const visit = (value) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value;
    if (typeof record.relname === "string")
      names.add(qualifiedKey(record.schemaname, record.relname));
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  const index = as(ast, "IndexStmt");
  if (index?.idxname) names.add(qualifiedKey(index.relation?.schemaname, index.idxname));
  return names;
}

const DEFAULT_BUDGET_MS = 3e4;
async function openEngine(options = {}) {
  const log = options.log ?? (() => {
  });
  const session = await WorkerSession.start(
    options.extensions ?? [],
    { log, memoryLimitMb: options.memoryLimitMb ?? 3072 },
    options.initial
  );
  return new PgliteEngine(session, options);
}
const RELKINDS = {
  r: "table",
  p: "table",
  f: "table",
  m: "matview",
  i: "index",
  I: "index",
  S: "sequence",
  v: "view"
};
const RELATIONS_SQL = `SELECT c.oid::int4 AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
  c.relfilenode::int4 AS filenode,
  CASE WHEN c.relkind IN ('r', 'm') THEN pg_stat_get_xact_numscans(c.oid)::int4 ELSE 0 END AS scans
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'
  AND c.relkind IN ('r', 'p', 'f', 'm', 'i', 'I', 'S', 'v')`;
const LOCKS_SQL = `SELECT relation::int4 AS oid, mode FROM pg_locks
WHERE locktype = 'relation' AND granted AND pid = pg_backend_pid()
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
const SAVEPOINT = "db_migrate_statement";
class PgliteEngine {
  constructor(session, options) {
    this.session = session;
    this.options = options;
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.log = options.log ?? (() => {
    });
  }
  session;
  options;
  createdRoles = [];
  /** Tools whose bookkeeping table exists in the database. */
  bookkept = /* @__PURE__ */ new Set();
  budgetMs;
  log;
  get extensions() {
    return this.session.extensions;
  }
  async replay(migrations) {
    const started = performance.now();
    await this.session.loadExtensions(requestedExtensions(migrations));
    const outcomes = [];
    for (const migration of migrations) outcomes.push((await this.apply(migration, null)).outcome);
    return {
      migrations: outcomes,
      failures: outcomes.flatMap((o) => o.failures),
      createdRoles: [...this.createdRoles],
      extensions: [...this.session.extensions],
      durationMs: performance.now() - started
    };
  }
  async trace(migration, options = {}) {
    await this.session.loadExtensions(requestedExtensions([migration]));
    const relations = await this.relations();
    const observer = {
      baseline: options.baseline?.relations ?? new Set(relations.keys()),
      relations,
      held: /* @__PURE__ */ new Set(),
      traces: [],
      transactionOf: [],
      transactionNumber: 0
    };
    const { outcome } = await this.apply(migration, observer);
    countHeldFor(observer);
    const trace = {
      migration,
      statements: observer.traces,
      ok: outcome.ok,
      durationMs: outcome.durationMs
    };
    if (outcome.stopped) trace.stopped = outcome.stopped;
    const stoppedAt = outcome.failures.find((f) => f.cause === "budget");
    if (stoppedAt && !trace.statements.some((s) => s.index === stoppedAt.statement)) {
      const statement = migration.statements[stoppedAt.statement];
      trace.statements.push({
        index: stoppedAt.statement,
        statement,
        transaction: "none",
        locks: [],
        rewrites: [],
        scans: [],
        error: { message: stoppedAt.message },
        durationMs: 0
      });
    }
    return trace;
  }
  async run(statements, options) {
    this.startBudget();
    let index = 0;
    try {
      if (options.transactional) await this.control("BEGIN");
      for (; index < statements.length; index++) {
        const item = statements[index];
        const { sql, blob } = typeof item === "string" ? { sql: item, blob: void 0 } : executableSql(item);
        const result = await this.session.exec(sql, blob);
        if (!result.ok) {
          if (this.session.inTransaction) await this.control("ROLLBACK");
          return { ok: false, index, message: errorMessage(result.error) };
        }
      }
      if (this.session.inTransaction) await this.control("COMMIT");
      return { ok: true };
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      await this.recover();
      return { ok: false, index, message: error.message };
    } finally {
      this.session.deadline = null;
    }
  }
  async query(sql) {
    const results = await this.session.read(sql);
    return results[results.length - 1] ?? [];
  }
  async baseline() {
    return { relations: new Set((await this.relations()).keys()) };
  }
  async checkpoint() {
    const checkpoint = await this.session.checkpoint();
    this.session.rebase(checkpoint);
    return checkpoint;
  }
  async restore(checkpoint) {
    await this.session.restore(checkpoint);
    this.bookkept.clear();
  }
  close() {
    return this.session.close();
  }
  startBudget() {
    this.session.deadline = { at: Date.now() + this.budgetMs, budgetMs: this.budgetMs };
  }
  /** Rebuilds the state after the worker was stopped, without the statement that was running. */
  async recover() {
    this.log("engine: restarting the embedded PostgreSQL after a budget stop");
    await this.session.recover();
    if (this.session.inTransaction) await this.control("ROLLBACK");
  }
  /** The migration tool's own table, created the first time one of its migrations runs. */
  async createBookkeeping(migration) {
    const table = bookkeepingTable(migration.convention);
    if (!table || this.bookkept.has(migration.convention)) return;
    await this.control(table);
    this.bookkept.add(migration.convention);
  }
  async control(sql) {
    const result = await this.session.exec(sql);
    if (!result.ok) throw new Error(`${sql} failed: ${result.error.message}`);
  }
  /** Runs a migration; on a budget stop, the state goes back to before the statement that ran too long. */
  async apply(migration, observer) {
    const started = performance.now();
    const failures = [];
    const position = { statement: 0 };
    const outcome = (stopped) => {
      const result = {
        migration: migration.id,
        path: migration.path,
        ok: failures.length === 0,
        durationMs: performance.now() - started,
        failures
      };
      if (stopped) result.stopped = stopped;
      return { outcome: result };
    };
    await this.createBookkeeping(migration);
    const record = recordApplied(migration);
    this.startBudget();
    try {
      if (!observer && fastPathAllowed(migration)) {
        const statements = migration.statements.map((s) => `${s.sql}
;`);
        const script = `BEGIN;
${statements.join("\n")}
${record ? `${record};
` : ""}COMMIT;
RESET ALL`;
        const result = await this.session.exec(script);
        if (result.ok) return outcome();
        this.log(`engine: ${migration.path}: statement by statement (${result.error.message})`);
        if (this.session.inTransaction) await this.control("ROLLBACK");
      }
      await this.stepwise(migration, observer, failures, position);
      if (record) {
        const recorded = await this.session.exec(`BEGIN; ${record}; COMMIT`);
        if (!recorded.ok) {
          this.log(`engine: could not record ${migration.id} as applied: ${recorded.error.message}`);
          if (this.session.inTransaction) await this.control("ROLLBACK");
        }
      }
      return outcome();
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      await this.recover();
      const statement = migration.statements[position.statement];
      failures.push(failureOf(migration, position.statement, statement, { message: error.message }, "budget"));
      return outcome(error.kind);
    } finally {
      this.session.deadline = null;
    }
  }
  async stepwise(migration, observer, failures, position) {
    let toolTransaction = false;
    if (migration.transactional) {
      await this.control("BEGIN");
      toolTransaction = true;
    }
    for (const [index, statement] of migration.statements.entries()) {
      position.statement = index;
      const wasInTransaction = this.session.inTransaction;
      if (isTransactionControl(statement)) {
        const result2 = await this.session.exec(statement.sql);
        if (!result2.ok) failures.push(failureOf(migration, index, statement, result2.error));
        if (observer) this.record(observer, index, statement, wasInTransaction ? "explicit" : "none", [], [], result2);
        if (!this.session.inTransaction) {
          toolTransaction = false;
          if (observer) endTransaction(observer);
        }
        continue;
      }
      let reopen = false;
      if (statement.autocommit && this.session.inTransaction && toolTransaction) {
        await this.control("COMMIT");
        if (observer) endTransaction(observer);
        reopen = true;
      }
      const transaction = this.session.inTransaction ? toolTransaction ? "migration" : "explicit" : "none";
      const result = await this.statement(index, statement, observer, transaction);
      if (!result.ok && result.error) failures.push(failureOf(migration, index, statement, result.error));
      if (reopen) await this.control("BEGIN");
    }
    if (this.session.inTransaction) await this.control("COMMIT");
    if (observer) endTransaction(observer);
    await this.control("RESET ALL");
  }
  async statement(index, statement, observer, transaction) {
    const started = performance.now();
    const outsideTransaction = cannotRunInTransaction(statement.ast);
    const wrap = observer !== null && transaction === "none" && !outsideTransaction;
    if (wrap) await this.control("BEGIN");
    const result = await this.execute(statement, this.session.inTransaction);
    if (!observer) return result;
    if (outsideTransaction || transaction === "none" && !wrap) {
      await this.recordDocumented(observer, index, statement, result, started);
    } else {
      const { locks, rewrites, scans } = await this.observe(observer, statement);
      this.record(observer, index, statement, transaction, locks, rewrites, result, scans, started);
    }
    if (wrap) {
      await this.control(this.session.inTransaction ? "COMMIT" : "ROLLBACK");
      endTransaction(observer);
    }
    return result;
  }
  /** Runs one statement; in a transaction, inside a savepoint so a failure leaves the rest intact. */
  async execute(statement, inTransaction, retried = false) {
    const { sql, blob } = executableSql(statement);
    const result = inTransaction ? await this.session.exec(`SAVEPOINT ${SAVEPOINT};
${sql}
;RELEASE SAVEPOINT ${SAVEPOINT}`, blob) : await this.session.exec(sql, blob);
    if (result.ok) return { ok: true };
    if (inTransaction) await this.control(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`);
    const role = /^role "([^"]+)" does not exist$/.exec(result.error.message)?.[1];
    if (role && !retried && !this.createdRoles.includes(role)) {
      const created = await this.session.exec(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
      if (created.ok) {
        this.createdRoles.push(role);
        this.log(`engine: created role ${role} (NOLOGIN) so the history can grant to it`);
        return this.execute(statement, inTransaction, true);
      }
    }
    return { ok: false, error: result.error };
  }
  async relations() {
    const [rows = []] = await this.session.read(RELATIONS_SQL);
    return relationMap(rows);
  }
  async observe(observer, statement) {
    const [relationRows = [], lockRows = []] = await this.session.read(`${RELATIONS_SQL};
${LOCKS_SQL}`);
    const after = relationMap(relationRows);
    const before = observer.relations;
    const named = namedRelations(statement.ast);
    const byRelation = /* @__PURE__ */ new Map();
    for (const row of lockRows) {
      const oid = Number(row.oid);
      const mode = row.mode;
      const relation = after.get(oid) ?? before.get(oid);
      if (!relation || !LOCK_MODES.includes(mode)) continue;
      const key = `${oid}:${mode}`;
      const acquired = !observer.held.has(key);
      observer.held.add(key);
      if (!acquired && !named.has(relation.name)) continue;
      const lock = {
        relation: relation.name,
        kind: relation.kind,
        mode,
        existedBefore: observer.baseline.has(oid),
        acquired,
        observed: true
      };
      const existing = byRelation.get(oid);
      if (!existing || LOCK_MODES.indexOf(mode) > LOCK_MODES.indexOf(existing.mode)) byRelation.set(oid, lock);
    }
    const rewrites = [];
    const scans = [];
    if (statement.kind !== "TruncateStmt") rewrites.push(...rewritten(before, after, observer.baseline));
    for (const [oid, now] of after) {
      const previous = before.get(oid)?.scans ?? 0;
      if (now.scans > previous && observer.baseline.has(oid)) scans.push(now.name);
    }
    observer.relations = after;
    return { locks: [...byRelation.values()], rewrites, scans };
  }
  /** A statement pg_locks cannot show (it runs outside any transaction): its documented lock. */
  async recordDocumented(observer, index, statement, result, started) {
    const after = await this.relations();
    const byName = new Map([...observer.relations.values(), ...after.values()].map((r) => [r.name, r]));
    const locks = statement.ast ? statementEffects(statement.ast, this.options.pgVersion ?? 18).filter((effect) => effect.table).map((effect) => {
      const relation = byName.get(effect.table);
      return {
        relation: effect.table,
        kind: relation?.kind ?? "table",
        mode: effect.lock,
        existedBefore: relation ? observer.baseline.has(relation.oid) : false,
        acquired: true,
        observed: false
      };
    }) : [];
    const rewrites = rewritten(observer.relations, after, observer.baseline);
    observer.relations = after;
    const note = cannotRunInTransaction(statement.ast) ? "not observable: it cannot run inside a transaction, so pg_locks cannot be read while it holds its locks; the documented lock is shown" : "not observable: it runs outside a transaction; the documented lock is shown";
    this.record(observer, index, statement, "none", locks, rewrites, result, [], started, note);
    endTransaction(observer);
  }
  record(observer, index, statement, transaction, locks, rewrites, result, scans = [], started = performance.now(), note) {
    const trace = {
      index,
      statement,
      transaction,
      locks,
      rewrites,
      scans,
      durationMs: performance.now() - started
    };
    if (!result.ok && result.error) {
      trace.error = { message: errorMessage(result.error) };
      if (result.error.code) trace.error.code = result.error.code;
    }
    if (note) trace.note = note;
    observer.traces.push(trace);
    observer.transactionOf.push(observer.transactionNumber);
  }
}
function fastPathAllowed(migration) {
  return migration.statements.every(
    (s) => s.ast !== null && !s.autocommit && s.copyData === void 0 && !isTransactionControl(s) && !cannotRunInTransaction(s.ast)
  );
}
function endTransaction(observer) {
  observer.held.clear();
  observer.transactionNumber++;
}
function countHeldFor(observer) {
  observer.traces.forEach((trace, position) => {
    const exclusive = (l) => l.acquired && l.existedBefore && l.mode === "AccessExclusiveLock";
    if (!trace.locks.some((l) => exclusive(l) && l.kind !== "index")) return;
    const transaction = observer.transactionOf[position];
    let count = 0;
    for (let next = position; next < observer.traces.length; next++) {
      if (observer.transactionOf[next] !== transaction) break;
      count++;
    }
    trace.heldFor = count;
  });
}
function rewritten(before, after, baseline) {
  const rewrites = [];
  const droppedByName = /* @__PURE__ */ new Map();
  for (const [oid, was] of before) if (!after.has(oid)) droppedByName.set(`${was.kind}:${was.name}`, was);
  for (const [oid, now] of after) {
    const was = before.get(oid);
    if (was) {
      if (was.filenode !== 0 && now.filenode !== was.filenode)
        rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(oid) });
      continue;
    }
    const replaced = droppedByName.get(`${now.kind}:${now.name}`);
    if (replaced && replaced.filenode !== 0)
      rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(replaced.oid) });
  }
  return rewrites;
}
function relationMap(rows) {
  const map = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const schema = String(row.schema);
    const name = String(row.name);
    map.set(Number(row.oid), {
      oid: Number(row.oid),
      name: schema === "public" ? name : `${schema}.${name}`,
      kind: RELKINDS[String(row.kind)] ?? "other",
      filenode: Number(row.filenode),
      scans: Number(row.scans)
    });
  }
  return map;
}
function errorMessage(error) {
  let message = error.message;
  if (error.detail) message += ` (${error.detail})`;
  if (error.hint) message += ` Hint: ${error.hint}`;
  return message;
}
function causeOf(error) {
  if (missingExtension(error.message)) return "missing-extension";
  if (/^there is no parameter \$\d+$/.test(error.message)) return "runtime-values";
  if (/could not (open|stat) file|could not create file|absolute path not allowed/i.test(error.message))
    return "server-file";
  if (/database ".*" does not exist|tablespace ".*" does not exist|permission denied to (create|alter) (database|system)/.test(
    error.message
  ))
    return "environment";
  return "sql";
}
function failureOf(migration, index, statement, error, cause = causeOf(error)) {
  const failure = {
    migration: migration.id,
    path: statement.path,
    statement: index,
    span: statement.span,
    sql: statement.sql,
    message: errorMessage(error),
    cause
  };
  if (error.code) failure.code = error.code;
  return failure;
}
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function emptyCreatedObjects() {
  return { tables: /* @__PURE__ */ new Set(), indexes: /* @__PURE__ */ new Set(), types: /* @__PURE__ */ new Set(), columns: /* @__PURE__ */ new Set(), checks: /* @__PURE__ */ new Map() };
}
class ContextTracker {
  context;
  constructor(options) {
    const created = options.created ?? emptyCreatedObjects();
    const checks = created.checks;
    this.context = {
      pgVersion: options.pgVersion,
      statements: options.statements,
      index: 0,
      toolTransaction: options.toolTransaction,
      explicitTransaction: false,
      inTransaction: options.toolTransaction,
      lockTimeoutSet: false,
      statementTimeoutSet: false,
      created,
      checks,
      indexColumns: /* @__PURE__ */ new Map(),
      enumValuesAdded: /* @__PURE__ */ new Map(),
      alterCounts: /* @__PURE__ */ new Map(),
      indexTables: options.indexTables ?? /* @__PURE__ */ new Map(),
      foreignKeys: options.foreignKeys ?? /* @__PURE__ */ new Map(),
      columnTypes: options.columnTypes ?? /* @__PURE__ */ new Map(),
      enumLabels: options.enumLabels ?? /* @__PURE__ */ new Map(),
      isNewTable(table) {
        const key = typeof table === "string" ? table : tableKey(table);
        return key !== "" && created.tables.has(key);
      },
      hasValidatedNotNullCheck(table, column) {
        return (checks.get(table) ?? []).some((c) => c.validated && c.notNullColumns.includes(column));
      },
      isDroppedLater: (table) => (this.lastTableDrops().get(table) ?? -1) > this.context.index
    };
  }
  /**
   * Sets the statement about to be checked. `autocommit` marks a statement the
   * tool runs outside its migration transaction (Alembic autocommit_block).
   */
  at(index, autocommit = false) {
    const ctx = this.context;
    ctx.index = index;
    ctx.inTransaction = ctx.explicitTransaction || ctx.toolTransaction && !autocommit;
    return ctx;
  }
  tableDrops;
  /** Index of the last DROP TABLE of each table in the migration, computed once. */
  lastTableDrops() {
    if (this.tableDrops) return this.tableDrops;
    const drops = /* @__PURE__ */ new Map();
    this.context.statements.forEach(({ ast }, index) => {
      const drop = as(ast, "DropStmt");
      if (drop?.removeType !== "OBJECT_TABLE") return;
      for (const object of drop.objects ?? []) drops.set(objectKey(objectNameParts(object)), index);
    });
    this.tableDrops = drops;
    return drops;
  }
  /** Records what the statement changed, after the rules have seen it. */
  observe(ast) {
    const ctx = this.context;
    const transaction = as(ast, "TransactionStmt");
    if (transaction) {
      const kind = transaction.kind;
      if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
        ctx.explicitTransaction = true;
      } else if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") {
        ctx.explicitTransaction = false;
        ctx.enumValuesAdded.clear();
        this.endLocalSettings();
      }
      return;
    }
    const set = as(ast, "VariableSetStmt");
    if (set) {
      if (set.kind === "VAR_RESET_ALL") {
        this.setting("lock_timeout", false);
        this.setting("statement_timeout", false);
      } else if (!set.is_local || ctx.inTransaction) {
        this.setting(set.name ?? "", set.kind === "VAR_SET_VALUE" && enablesTimeout(set.args?.[0]), set.is_local);
      }
      return;
    }
    const select = as(ast, "SelectStmt");
    if (select) {
      walk(select, (tag, value) => {
        if (tag !== "FuncCall") return;
        const call = value;
        if (nameList(call.funcname).at(-1) === "set_config")
          this.setting(String(constValue(call.args?.[0]) ?? ""), enablesTimeout(call.args?.[1]));
      });
      return;
    }
    const create = as(ast, "CreateStmt");
    if (create) {
      const key = tableKey(create.relation);
      ctx.created.tables.add(key);
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef");
        if (column?.colname && column.typeName) ctx.columnTypes.set(`${key}.${column.colname}`, column.typeName);
        this.foreignKeysOf(key, element, column?.colname);
        for (const c of column?.constraints ?? []) {
          const constraint2 = as(c, "Constraint");
          if (constraint2?.contype === "CONSTR_PRIMARY" || constraint2?.contype === "CONSTR_UNIQUE") {
            this.indexOn(key, [column?.colname ?? ""]);
          }
        }
        const constraint = as(element, "Constraint");
        if (constraint?.contype === "CONSTR_PRIMARY" || constraint?.contype === "CONSTR_UNIQUE") {
          this.indexOn(key, columnNames(constraint.keys));
        }
      }
      return;
    }
    const createAs = as(ast, "CreateTableAsStmt");
    if (createAs) {
      ctx.created.tables.add(tableKey(createAs.into?.rel));
      return;
    }
    const view = as(ast, "ViewStmt");
    if (view) {
      ctx.created.tables.add(tableKey(view.view));
      return;
    }
    const index = as(ast, "IndexStmt");
    if (index) {
      const key = tableKey(index.relation);
      if (index.idxname) {
        ctx.created.indexes.add(qualifiedKey(index.relation?.schemaname, index.idxname));
        ctx.indexTables.set(qualifiedKey(index.relation?.schemaname, index.idxname), key);
      }
      this.indexOn(key, columnNames(index.indexParams));
      return;
    }
    const enumType = as(ast, "CreateEnumStmt");
    if (enumType) {
      ctx.created.types.add(
        nameList(enumType.typeName).filter((n) => n !== "public").join(".")
      );
      ctx.enumLabels.set(objectKey(nameList(enumType.typeName)), nameList(enumType.vals));
      return;
    }
    const alterEnum = as(ast, "AlterEnumStmt");
    if (alterEnum?.newVal && !alterEnum.oldVal) {
      const type = nameList(alterEnum.typeName).filter((n) => n !== "public").join(".");
      const labels = ctx.enumLabels.get(type);
      const existed = labels?.includes(alterEnum.newVal) ?? false;
      if (labels && !existed) labels.splice(enumInsertIndex(labels, alterEnum), 0, alterEnum.newVal);
      const values = ctx.enumValuesAdded.get(type) ?? /* @__PURE__ */ new Set();
      if (!existed) values.add(alterEnum.newVal);
      if (ctx.inTransaction) ctx.enumValuesAdded.set(type, values);
      return;
    }
    if (alterEnum?.newVal && alterEnum.oldVal) {
      const labels = ctx.enumLabels.get(objectKey(nameList(alterEnum.typeName)));
      const at = labels?.indexOf(alterEnum.oldVal) ?? -1;
      if (labels && at >= 0) labels[at] = alterEnum.newVal;
      return;
    }
    const rename = as(ast, "RenameStmt");
    if (rename?.renameType === "OBJECT_TABLE" && rename.newname) {
      const from = tableKey(rename.relation);
      const to = qualifiedKey(rename.relation?.schemaname, rename.newname);
      if (ctx.created.tables.delete(from)) ctx.created.tables.add(to);
      moveKeys(ctx.columnTypes, `${from}.`, `${to}.`);
      moveKeys(ctx.foreignKeys, from, to);
      for (const keys of ctx.foreignKeys.values())
        for (const key of keys) if (key.referenced === from) key.referenced = to;
      for (const column of [...ctx.created.columns].filter((c) => c.startsWith(`${from}.`))) {
        ctx.created.columns.delete(column);
        ctx.created.columns.add(`${to}.${column.slice(from.length + 1)}`);
      }
      return;
    }
    if (rename?.renameType === "OBJECT_COLUMN" && rename.subname && rename.newname) {
      const table = tableKey(rename.relation);
      const from = `${table}.${rename.subname}`;
      const to = `${table}.${rename.newname}`;
      moveKeys(ctx.columnTypes, from, to);
      if (ctx.created.columns.delete(from)) ctx.created.columns.add(to);
      return;
    }
    if (rename?.renameType === "OBJECT_TYPE" && rename.newname) {
      const parts = objectNameParts(rename.object);
      moveKeys(ctx.enumLabels, objectKey(parts), objectKey([...parts.slice(0, -1), rename.newname]));
      return;
    }
    const drop = as(ast, "DropStmt");
    if (drop?.removeType === "OBJECT_TABLE") {
      for (const object of drop.objects ?? []) {
        deleteKeys(ctx.columnTypes, `${objectKey(objectNameParts(object))}.`);
        ctx.foreignKeys.delete(objectKey(objectNameParts(object)));
      }
      return;
    }
    if (drop?.removeType === "OBJECT_TYPE" || drop?.removeType === "OBJECT_DOMAIN") {
      for (const object of drop.objects ?? []) ctx.enumLabels.delete(objectKey(objectNameParts(object)));
      return;
    }
    const alter = as(ast, "AlterTableStmt");
    if (alter) this.observeAlterTable(tableKey(alter.relation), alter.cmds ?? []);
  }
  observeAlterTable(table, cmds) {
    const ctx = this.context;
    ctx.alterCounts.set(table, (ctx.alterCounts.get(table) ?? 0) + 1);
    for (const node of cmds) {
      const cmd = as(node, "AlterTableCmd");
      if (!cmd) continue;
      if (cmd.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (column?.colname) ctx.created.columns.add(`${table}.${column.colname}`);
        if (column?.colname && column.typeName) ctx.columnTypes.set(`${table}.${column.colname}`, column.typeName);
      }
      const newType = as(cmd.def, "ColumnDef")?.typeName;
      if (cmd.subtype === "AT_AlterColumnType" && cmd.name && newType)
        ctx.columnTypes.set(`${table}.${cmd.name}`, newType);
      if (cmd.subtype === "AT_DropColumn" && cmd.name) ctx.columnTypes.delete(`${table}.${cmd.name}`);
      if (cmd.subtype === "AT_AddColumn" || cmd.subtype === "AT_AddConstraint")
        this.foreignKeysOf(table, cmd.def, as(cmd.def, "ColumnDef")?.colname);
      const keys = ctx.foreignKeys.get(table);
      if ((cmd.subtype === "AT_DropConstraint" || cmd.subtype === "AT_DropColumn") && cmd.name && keys) {
        const name = cmd.name;
        const kept = keys.filter(
          (k) => cmd.subtype === "AT_DropConstraint" ? k.name !== name : !k.columns.includes(name)
        );
        ctx.foreignKeys.set(table, kept);
      }
      const constraint = as(cmd.def, "Constraint");
      if (cmd.subtype === "AT_AddConstraint" && constraint) {
        if (constraint.contype === "CONSTR_CHECK") {
          const list = ctx.checks.get(table) ?? [];
          list.push({
            name: constraint.conname ?? "",
            notNullColumns: notNullColumns(constraint.raw_expr),
            validated: !constraint.skip_validation
          });
          ctx.checks.set(table, list);
        }
        if (constraint.contype === "CONSTR_PRIMARY" || constraint.contype === "CONSTR_UNIQUE") {
          this.indexOn(table, columnNames(constraint.keys));
        }
      }
      if (cmd.subtype === "AT_ValidateConstraint") {
        for (const check of ctx.checks.get(table) ?? []) if (check.name === cmd.name) check.validated = true;
      }
    }
  }
  /** Records the foreign keys a column definition or table constraint declares on `table`. */
  foreignKeysOf(table, element, column) {
    const nodes = column ? as(element, "ColumnDef")?.constraints ?? [] : element ? [element] : [];
    for (const node of nodes) {
      const constraint = as(node, "Constraint");
      if (constraint?.contype !== "CONSTR_FOREIGN") continue;
      const columns = column ? [column] : nameList(constraint.fk_attrs);
      const list = this.context.foreignKeys.get(table) ?? [];
      list.push({
        name: constraint.conname ?? defaultForeignKeyName(table, columns),
        columns,
        referenced: tableKey(constraint.pktable)
      });
      this.context.foreignKeys.set(table, list);
    }
  }
  indexOn(table, columns) {
    const list = this.context.indexColumns.get(table) ?? [];
    list.push(columns);
    this.context.indexColumns.set(table, list);
  }
  /** Session-level timeout settings, which a transaction's SET LOCAL overrides until it ends. */
  sessionTimeouts = { lock_timeout: false, statement_timeout: false };
  localTimeouts = /* @__PURE__ */ new Set();
  setting(name, on, local = false) {
    if (name !== "lock_timeout" && name !== "statement_timeout") return;
    if (local) this.localTimeouts.add(name);
    else this.sessionTimeouts[name] = on;
    this.applyTimeout(name, on);
  }
  applyTimeout(name, on) {
    if (name === "lock_timeout") this.context.lockTimeoutSet = on;
    else this.context.statementTimeoutSet = on;
  }
  endLocalSettings() {
    for (const name of this.localTimeouts) this.applyTimeout(name, this.sessionTimeouts[name]);
    this.localTimeouts.clear();
  }
}
function enumInsertIndex(labels, stmt) {
  const neighbour = stmt.newValNeighbor ? labels.indexOf(stmt.newValNeighbor) : -1;
  if (neighbour < 0) return labels.length;
  return stmt.newValIsAfter ? neighbour + 1 : neighbour;
}
function moveKeys(map, from, to) {
  for (const [key, value] of [...map]) {
    if (key === from || from.endsWith(".") && key.startsWith(from)) {
      map.delete(key);
      map.set(to + key.slice(from.length), value);
    }
  }
}
function deleteKeys(map, prefix) {
  for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
}
function defaultForeignKeyName(table, columns) {
  const relation = table.split(".").at(-1) ?? table;
  return `${relation}_${columns.join("_")}_fkey`.slice(0, 63);
}
function enablesTimeout(value) {
  const v = constValue(value);
  if (v === void 0 || v === null) return value !== void 0;
  return !/^\s*0+(\.0*)?\s*(us|ms|s|min|h|d)?\s*$/i.test(String(v));
}
function notNullColumns(expr) {
  const columns = [];
  const test = as(expr, "NullTest");
  if (test?.nulltesttype === "IS_NOT_NULL") {
    const ref = as(test.arg, "ColumnRef");
    if (ref) columns.push(str(ref.fields?.at(-1)));
  }
  const bool = as(expr, "BoolExpr");
  if (bool?.boolop === "AND_EXPR") for (const arg of bool.args ?? []) columns.push(...notNullColumns(arg));
  return columns;
}

const renameColumn = {
  kind: "statement",
  meta: {
    id: "rename-column",
    category: "clients",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER TABLE \u2026 RENAME COLUMN on an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const rename = as(statement.ast, "RenameStmt");
    if (rename?.renameType !== "OBJECT_COLUMN" || !rename.subname || !rename.newname) return [];
    if (context.isNewTable(rename.relation)) return [];
    if (context.created.columns.has(`${tableKey(rename.relation)}.${rename.subname}`)) return [];
    const noun = rename.relationType === "OBJECT_VIEW" || rename.relationType === "OBJECT_MATVIEW" ? "view" : "table";
    return [
      {
        message: `renames column \`${rename.subname}\` of ${noun} \`${displayTable(rename.relation)}\` to \`${rename.newname}\`: app instances still running the previous release query \`${rename.subname}\` and fail until they are replaced`,
        fix: `expand/contract: add \`${rename.newname}\`, write both and backfill, switch reads, then drop \`${rename.subname}\` in a later release (or keep a view with the old name)`
      }
    ];
  }
};

const RENAMED_RELATIONS = {
  OBJECT_TABLE: "table",
  OBJECT_FOREIGN_TABLE: "foreign table",
  OBJECT_VIEW: "view",
  OBJECT_MATVIEW: "materialized view"
};
const renameTable = {
  kind: "statement",
  meta: {
    id: "rename-table",
    category: "clients",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER TABLE \u2026 RENAME TO on an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const rename = as(statement.ast, "RenameStmt");
    const noun = rename?.renameType ? RENAMED_RELATIONS[rename.renameType] : void 0;
    if (!rename || !noun || !rename.newname || context.isNewTable(rename.relation)) return [];
    const from = displayTable(rename.relation);
    return [
      {
        message: `renames ${noun} \`${from}\` to \`${rename.newname}\`: app instances still running the previous release query \`${from}\` and fail with "relation does not exist" until they are replaced`,
        fix: `rename, then create a view \`${from}\` over \`${rename.newname}\` for the old release (simple views are updatable) and drop it once nothing uses the old name`
      }
    ];
  }
};

const rules$7 = [renameColumn, renameTable];

const DEPENDENTS = {
  OBJECT_TABLE: { noun: "table", dependents: "views and foreign keys of other tables", losesData: false },
  OBJECT_VIEW: { noun: "view", dependents: "views built on it", losesData: false },
  OBJECT_MATVIEW: { noun: "materialized view", dependents: "views built on it", losesData: false },
  OBJECT_FOREIGN_TABLE: { noun: "foreign table", dependents: "views built on it", losesData: false },
  OBJECT_SEQUENCE: { noun: "sequence", dependents: "column defaults that use it", losesData: false },
  OBJECT_INDEX: { noun: "index", dependents: "foreign keys relying on it", losesData: false },
  OBJECT_FUNCTION: {
    noun: "function",
    dependents: "triggers, defaults, indexes and constraints that call it",
    losesData: false
  },
  OBJECT_PROCEDURE: { noun: "procedure", dependents: "objects that reference it", losesData: false },
  OBJECT_ROUTINE: {
    noun: "routine",
    dependents: "triggers, defaults, indexes and constraints that call it",
    losesData: false
  },
  OBJECT_TRIGGER: { noun: "trigger", dependents: "objects that depend on it", losesData: false },
  OBJECT_SCHEMA: { noun: "schema", dependents: "every table, view and function in it", losesData: true },
  OBJECT_TYPE: { noun: "type", dependents: "every table column of that type (with its data)", losesData: true },
  OBJECT_DOMAIN: { noun: "domain", dependents: "every table column of that domain (with its data)", losesData: true },
  OBJECT_EXTENSION: {
    noun: "extension",
    dependents: "every column, index and function using its types",
    losesData: true
  },
  OBJECT_COLLATION: { noun: "collation", dependents: "every column and index using it", losesData: true }
};
const cascadeDrop = {
  kind: "statement",
  meta: {
    id: "cascade-drop",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "DROP \u2026 CASCADE silently drops dependent objects",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.behavior === "DROP_CASCADE" && drop.removeType)
      return dropStmtHits(drop.removeType, drop.objects ?? [], context);
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter && !context.isNewTable(alter.relation)) {
      const hits = [];
      for (const node of alter.cmds ?? []) {
        const cmd = as(node, "AlterTableCmd");
        if (cmd?.behavior !== "DROP_CASCADE") continue;
        const table = displayTable(alter.relation);
        if (cmd.subtype === "AT_DropColumn" && !context.created.columns.has(`${tableKey(alter.relation)}.${cmd.name}`))
          hits.push({
            message: `drops column \`${cmd.name}\` of \`${table}\` with CASCADE: views, indexes and constraints (including other tables' foreign keys) that use it are dropped too, unnamed`,
            fix: "drop the dependent views and constraints explicitly first, then drop the column without CASCADE"
          });
        if (cmd.subtype === "AT_DropConstraint")
          hits.push({
            message: `drops constraint \`${cmd.name}\` of \`${table}\` with CASCADE: foreign keys of other tables that rely on it are dropped too, unnamed`,
            fix: "drop the dependent foreign keys explicitly first, then drop the constraint without CASCADE"
          });
      }
      return hits;
    }
    const owned = as(statement.ast, "DropOwnedStmt");
    if (owned?.behavior === "DROP_CASCADE") {
      return [
        {
          message: "DROP OWNED \u2026 CASCADE drops every object the role owns and everything that depends on them",
          fix: "drop the role's objects explicitly, or REASSIGN OWNED first",
          severity: "error"
        }
      ];
    }
    return [];
  }
};
function dropStmtHits(type, objects, context) {
  const kind = DEPENDENTS[type] ?? { noun: "object", dependents: "objects that depend on it", losesData: false };
  const names = objects.filter((object) => !createdEarlier$1(type, object, context)).map((object) => objectName(type, object));
  if (names.length === 0) return [];
  return [
    {
      message: `drops ${kind.noun} ${names.map((n) => `\`${n}\``).join(", ")} with CASCADE: PostgreSQL also drops ${kind.dependents}, without saying which`,
      fix: "find the dependents (pg_depend, \\d+), drop or change them explicitly, then drop without CASCADE so an unexpected dependent makes the migration fail instead",
      severity: kind.losesData ? "error" : void 0
    }
  ];
}
function objectName(type, object) {
  const func = as(object, "ObjectWithArgs");
  if (func) return nameList(func.objname).join(".");
  if (type === "OBJECT_TRIGGER" || type === "OBJECT_POLICY" || type === "OBJECT_RULE") {
    const parts = objectNameParts(object);
    return `${parts.at(-1)} on ${parts.slice(0, -1).join(".")}`;
  }
  return objectNameParts(object).join(".");
}
function createdEarlier$1(type, object, context) {
  const parts = objectNameParts(object);
  const key = objectKey(parts);
  switch (type) {
    case "OBJECT_TABLE":
    case "OBJECT_VIEW":
    case "OBJECT_MATVIEW":
    case "OBJECT_FOREIGN_TABLE":
      return context.isNewTable(key);
    case "OBJECT_INDEX":
      return context.created.indexes.has(qualifiedKey(parts.length > 1 ? parts.at(-2) : void 0, parts.at(-1) ?? ""));
    case "OBJECT_TYPE":
    case "OBJECT_DOMAIN":
      return context.created.types.has(key);
    default:
      return createdInMigration$1(type, objectName(type, object), context);
  }
}
function createdInMigration$1(type, name, context) {
  return context.statements.slice(0, context.index).some(({ ast }) => {
    if (type === "OBJECT_SCHEMA") return as(ast, "CreateSchemaStmt")?.schemaname === name;
    if (type === "OBJECT_SEQUENCE") return tableKey(as(ast, "CreateSeqStmt")?.sequence) === objectKey(name.split("."));
    if (type === "OBJECT_FUNCTION" || type === "OBJECT_PROCEDURE" || type === "OBJECT_ROUTINE") {
      const create = as(ast, "CreateFunctionStmt");
      return create !== void 0 && nameList(create.funcname).join(".") === name;
    }
    return false;
  });
}

const dropColumn = {
  kind: "statement",
  meta: {
    id: "drop-column",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "ALTER TABLE \u2026 DROP COLUMN of an existing column",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype !== "AT_DropColumn" || !cmd.name) continue;
      if (context.created.columns.has(`${table}.${cmd.name}`)) continue;
      if (context.isDroppedLater(table)) return [];
      hits.push({
        message: `drops column \`${cmd.name}\` of \`${displayTable(alter.relation)}\` with all its values; app instances still running the previous release fail when they read or write it`,
        fix: "stop reading and writing the column in a release first (ignore it in the ORM), then drop it in a later migration"
      });
    }
    return hits;
  }
};

const NAME_SUFFIXES = [
  [/_pkey$/i, { name: "primary key", contype: "CONSTR_PRIMARY" }],
  [/_fkey\d*$/i, { name: "foreign key", contype: "CONSTR_FOREIGN" }],
  [/_key\d*$/i, { name: "unique constraint", contype: "CONSTR_UNIQUE" }],
  [/_check\d*$/i, { name: "check constraint", contype: "CONSTR_CHECK" }],
  [/_excl\d*$/i, { name: "exclusion constraint", contype: "CONSTR_EXCLUSION" }]
];
const dropConstraint = {
  kind: "statement",
  meta: {
    id: "drop-constraint",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "dropping a primary key, foreign key, unique or check constraint",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype !== "AT_DropConstraint" || !cmd.name) continue;
      if (context.isDroppedLater(table)) return [];
      const kind = NAME_SUFFIXES.find(([pattern]) => pattern.test(cmd.name ?? ""))?.[1];
      if (replacedInMigration(table, cmd.name, kind, context)) continue;
      hits.push({
        message: `drops constraint \`${cmd.name}\`${kind ? ` (by its name, a ${kind.name})` : ""} on \`${displayTable(alter.relation)}\`: from now on PostgreSQL accepts the rows it used to reject (duplicates, orphans, invalid values)`,
        fix: "drop it only once the app enforces the rule elsewhere or no longer needs it; to change a constraint, add the new one (NOT VALID, then VALIDATE) before dropping the old"
      });
    }
    return hits;
  }
};
const ADDED = /* @__PURE__ */ new WeakMap();
function replacedInMigration(table, name, kind, context) {
  return (addedConstraints(context.statements).get(table) ?? []).some(
    (added) => added.name === name || kind !== void 0 && added.index >= context.index && added.contype === kind.contype
  );
}
function addedConstraints(statements) {
  const cached = ADDED.get(statements);
  if (cached) return cached;
  const byTable = /* @__PURE__ */ new Map();
  statements.forEach(({ ast }, index) => {
    const alter = as(ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const constraint = as(cmd?.def, "Constraint");
      if (cmd?.subtype !== "AT_AddConstraint" || !constraint) continue;
      const table = tableKey(alter?.relation);
      const list = byTable.get(table) ?? [];
      list.push({ index, name: constraint.conname, contype: constraint.contype });
      byTable.set(table, list);
    }
  });
  ADDED.set(statements, byTable);
  return byTable;
}

const dropNotNull = {
  kind: "statement",
  meta: {
    id: "drop-not-null",
    category: "data-loss",
    severity: "warning",
    enabledByDefault: true,
    summary: "ALTER COLUMN \u2026 DROP NOT NULL on an existing column",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype !== "AT_DropNotNull" || !cmd.name) continue;
      if (context.created.columns.has(`${table}.${cmd.name}`)) continue;
      if (context.isDroppedLater(table)) return [];
      hits.push({
        message: `makes \`${displayTable(alter.relation)}.${cmd.name}\` nullable: code, reports and clients that assume it always has a value break on the first NULL written`,
        fix: "first release readers that handle NULL, then drop NOT NULL; or keep the constraint and write a default instead"
      });
    }
    return hits;
  }
};

const dropSchema = {
  kind: "statement",
  meta: {
    id: "drop-schema",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "DROP SCHEMA or DROP DATABASE",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const dropDatabase = as(statement.ast, "DropdbStmt");
    if (dropDatabase) {
      return [
        {
          message: `drops database \`${dropDatabase.dbname ?? "(unknown)"}\` with every schema, table and row in it`,
          fix: "drop databases by hand after a verified backup, never from a migration",
          lock: null
        }
      ];
    }
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_SCHEMA") return [];
    const createdEarlier = schemasCreatedBefore(context.statements.slice(0, context.index).map((s) => s.ast));
    const cascade = drop.behavior === "DROP_CASCADE";
    const hits = [];
    for (const object of drop.objects ?? []) {
      const name = objectNameParts(object).join(".");
      if (createdEarlier.has(name)) continue;
      hits.push({
        message: cascade ? `drops schema \`${name}\` with CASCADE: every table, view, function and row in it is gone` : `drops schema \`${name}\`: it fails while the schema holds objects, and loses it (and its grants) when empty`,
        fix: "move what is still needed out of the schema first, back it up, and drop it by hand or in a later migration once nothing uses it"
      });
    }
    return hits;
  }
};
function schemasCreatedBefore(asts) {
  const names = /* @__PURE__ */ new Set();
  for (const ast of asts) {
    const create = as(ast, "CreateSchemaStmt");
    if (create?.schemaname) names.add(create.schemaname);
  }
  return names;
}

const dropTable = {
  kind: "statement",
  meta: {
    id: "drop-table",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "DROP TABLE of an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_TABLE") return [];
    const hits = [];
    for (const object of drop.objects ?? []) {
      const names = (as(object, "List")?.items ?? []).map((n) => as(n, "String")?.sval ?? "");
      const relation = { relname: names.at(-1), schemaname: names.length > 1 ? names.at(-2) : void 0 };
      if (context.isNewTable(relation)) continue;
      hits.push({
        message: `drops table \`${displayTable(relation)}\` and every row in it; running app versions that still query it will fail`,
        fix: "stop using the table in a release first, rename it (e.g. `_deprecated`) and drop it in a later migration once nothing reads it"
      });
    }
    return hits;
  }
};

const enumRecreate = {
  kind: "statement",
  meta: {
    id: "enum-recreate",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "enum recreated (rename / create / ALTER \u2026 USING / drop) to remove values",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const create = as(statement.ast, "CreateEnumStmt");
    if (!create) return [];
    const parts = nameList(create.typeName);
    const name = objectKey(parts);
    const newLabels = nameList(create.vals);
    const { window, renamedTo } = lifetime(
      context.statements.slice(context.index + 1).map((s) => s.ast),
      name
    );
    const conversions = columnConversions(window, name).filter((c) => !context.isNewTable(c.table));
    if (conversions.length === 0) return [];
    const old = oldType(parts, conversions, window, renamedTo, context);
    if (!old) return [];
    const removed = old.labels?.filter((label) => !newLabels.includes(label));
    if (removed && removed.length === 0) return [];
    const columns = conversions.map((c) => `\`${c.table}.${c.column}\``).join(", ");
    const what = removed ? `without ${removed.map((v) => `'${v}'`).join(", ")}` : `with only ${newLabels.map((v) => `'${v}'`).join(", ")}`;
    return [
      {
        message: `recreates enum \`${old.display}\` ${what} and converts ${columns}: any row still holding a removed value makes the conversion fail (or loses the value if the USING maps it), and running clients that still write it break; the conversion rewrites each table under an AccessExclusiveLock`,
        fix: "release code that no longer writes the value, UPDATE the rows that hold it in batches, then recreate the type; or simply keep the unused value"
      }
    ];
  }
};
function lifetime(later, name) {
  for (const [index, ast] of later.entries()) {
    const rename = typeRename(ast);
    if (rename?.from === name) return { window: later.slice(0, index), renamedTo: rename.to };
    const created = as(ast, "CreateEnumStmt");
    if (dropsType(ast, name) || created && objectKey(nameList(created.typeName)) === name)
      return { window: later.slice(0, index) };
  }
  return { window: later };
}
function columnConversions(statements, name) {
  const conversions = [];
  for (const ast of statements) {
    const alter = as(ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const target = as(cmd?.def, "ColumnDef")?.typeName;
      if (cmd?.subtype === "AT_AlterColumnType" && cmd.name && target && objectKey(nameList(target.names)) === name)
        conversions.push({ table: tableKey(alter?.relation), column: cmd.name });
    }
  }
  return conversions;
}
function oldType(parts, conversions, window, renamedTo, context) {
  const name = objectKey(parts);
  const schema = parts.slice(0, -1);
  const existing = (key, display) => ({ display, labels: context.enumLabels.get(key) });
  for (const { ast } of context.statements.slice(0, context.index).reverse()) {
    const rename = typeRename(ast);
    if (rename?.from === name) {
      return existing(objectKey([...schema, rename.to]), parts.join("."));
    }
  }
  if (renamedTo) {
    const target = objectKey([...schema, renamedTo]);
    const freed = window.some((ast) => typeRename(ast)?.from === target || dropsType(ast, target));
    if (freed) return existing(target, [...schema, renamedTo].join("."));
  }
  for (const conversion of conversions) {
    const known = context.columnTypes.get(`${conversion.table}.${conversion.column}`);
    const key = known ? objectKey(nameList(known.names)) : "";
    if (key && key !== name && context.enumLabels.has(key)) return existing(key, typeNameString(known));
  }
  for (const ast of window) {
    const drop = as(ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_TYPE") continue;
    const dropped = objectNameParts(drop.objects?.[0]);
    if (dropped.length > 0) return existing(objectKey(dropped), dropped.join("."));
  }
  return void 0;
}
function dropsType(ast, key) {
  const drop = as(ast, "DropStmt");
  return drop?.removeType === "OBJECT_TYPE" && (drop.objects ?? []).some((o) => objectKey(objectNameParts(o)) === key);
}
function typeRename(ast) {
  const rename = as(ast, "RenameStmt");
  if (rename?.renameType !== "OBJECT_TYPE" || !rename.newname) return void 0;
  return { from: objectKey(objectNameParts(rename.object)), to: rename.newname };
}

const narrowingTypeChange = {
  kind: "statement",
  meta: {
    id: "narrowing-type-change",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "column type change that can fail or truncate (narrower length, precision, range or scale)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE") return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const target = as(cmd?.def, "ColumnDef")?.typeName;
      if (cmd?.subtype !== "AT_AlterColumnType" || !cmd.name || !target) continue;
      const column = `\`${displayTable(alter.relation)}.${cmd.name}\``;
      const known = context.columnTypes.get(`${table}.${cmd.name}`);
      if (known) {
        const reason = narrowing(describe(known), describe(target));
        if (reason)
          hits.push({
            message: `changes ${column} from ${readable(known)} to ${readable(target)}: ${reason}`,
            fix: fixFor(describe(target))
          });
        continue;
      }
      if (context.isNewTable(alter.relation) || context.created.columns.has(`${table}.${cmd.name}`)) continue;
      const guess = possiblyNarrowing(describe(target));
      if (guess)
        hits.push({
          message: `changes ${column} to ${readable(target)}, possibly narrowing: ${guess}`,
          fix: fixFor(describe(target)),
          severity: "warning"
        });
    }
    return hits;
  }
};
const ALIASES = {
  smallserial: "int2",
  serial2: "int2",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallint: "int2",
  integer: "int4",
  int: "int4",
  bigint: "int8",
  decimal: "numeric",
  real: "float4",
  float: "float8",
  "double precision": "float8",
  boolean: "bool",
  character: "bpchar",
  char: "bpchar"
};
const INTEGER_RANK = { int2: 1, int4: 2, int8: 3 };
const INTEGER_DIGITS = { 1: 5, 2: 10, 3: 19 };
const INTEGER_NAMES = { 1: "smallint", 2: "integer", 3: "bigint" };
const STRING_TYPES = /* @__PURE__ */ new Set(["text", "varchar", "bpchar", "citext", "name"]);
const DATETIME_TYPES = /* @__PURE__ */ new Set(["timestamptz", "timestamp", "date", "time", "timetz", "interval"]);
const COMMON_STRING_LIMIT = 255;
function describe(typeName) {
  const raw = typeBase(typeName);
  const base = ALIASES[raw] ?? raw;
  const mods = typeMods(typeName);
  const info = {
    base,
    family: "other",
    length: Number.POSITIVE_INFINITY,
    scale: 0,
    rank: 0,
    fraction: 6,
    arrayDims: typeName.arrayBounds?.length ?? 0
  };
  if (STRING_TYPES.has(base)) {
    info.family = "string";
    if (base === "name") info.length = 63;
    else if ((base === "varchar" || base === "bpchar") && mods[0] !== void 0) info.length = mods[0];
  } else if (base in INTEGER_RANK) {
    info.family = "integer";
    info.rank = INTEGER_RANK[base] ?? 0;
  } else if (base === "numeric") {
    info.family = "numeric";
    info.precision = mods[0];
    info.scale = mods[1] ?? 0;
  } else if (base === "float4" || base === "float8") {
    info.family = "float";
    info.rank = base === "float4" ? 1 : 2;
  } else if (DATETIME_TYPES.has(base)) {
    info.family = "datetime";
    const precision = base === "interval" ? mods.length > 1 ? mods.at(-1) : void 0 : mods[0];
    if (precision !== void 0) info.fraction = precision;
  }
  return info;
}
function narrowing(from, to) {
  if (from.arrayDims !== to.arrayDims) return null;
  if (from.family === "string" && to.family === "string") {
    if (to.length >= from.length) return null;
    return `values longer than ${to.length} characters make the ALTER fail (a USING cast cuts them silently instead)`;
  }
  if (to.family === "integer") {
    if (from.family === "integer" && to.rank < from.rank)
      return `values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail`;
    if (from.family === "numeric" || from.family === "float")
      return `fractions are rounded away and values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail`;
    return null;
  }
  if (to.family === "numeric" && to.precision !== void 0) {
    const integerDigits = to.precision - to.scale;
    if (from.family === "integer" && integerDigits < (INTEGER_DIGITS[from.rank] ?? 0))
      return `values with more than ${integerDigits} integer digits make the ALTER fail`;
    if (from.family === "float") return `values are rounded to ${to.scale} decimals and large ones make the ALTER fail`;
    if (from.family === "numeric") {
      if (from.precision === void 0)
        return `values are rounded to ${to.scale} decimals and ones with more than ${integerDigits} integer digits make the ALTER fail`;
      if (to.scale < from.scale)
        return `the scale drops from ${from.scale} to ${to.scale}: every value is silently rounded`;
      if (integerDigits < from.precision - from.scale)
        return `values with more than ${integerDigits} integer digits make the ALTER fail`;
    }
    return null;
  }
  if (to.family === "float") {
    if (from.family === "float" && to.rank < from.rank) return "values keep only about 6 significant digits";
    if (from.family === "numeric" && (to.rank === 1 || from.precision === void 0 || from.precision > 15))
      return "exact decimals become approximate floating-point values";
    if (from.family === "integer" && (from.rank === 3 || from.rank === 2 && to.rank === 1))
      return "large integers lose their last digits";
    return null;
  }
  if (from.family === "datetime" && to.family === "datetime") {
    const fromTimestamp = from.base === "timestamp" || from.base === "timestamptz";
    if (fromTimestamp && to.base === "date") return "the time of day is dropped from every value";
    if (fromTimestamp && (to.base === "time" || to.base === "timetz")) return "the date is dropped from every value";
    if (from.base === to.base || fromTimestamp && (to.base === "timestamp" || to.base === "timestamptz"))
      return to.fraction < from.fraction ? `fractional seconds are rounded to ${to.fraction} digits` : null;
  }
  return null;
}
function possiblyNarrowing(to) {
  if (to.arrayDims > 0) return null;
  if (to.family === "string" && to.length < COMMON_STRING_LIMIT)
    return `if it was text or a longer varchar, values longer than ${to.length} characters make the ALTER fail (a USING cast cuts them silently)`;
  if (to.family === "integer" && to.rank < 3) {
    const wider = to.rank === 1 ? "integer, bigint" : "bigint";
    return `if it was ${wider}, numeric or text, values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail and fractions are rounded`;
  }
  if (to.base === "float4") return "if it was double precision or numeric, values keep only about 6 significant digits";
  if (to.base === "date") return "if it was a timestamp, the time of day is dropped from every value";
  if (to.base === "time" || to.base === "timetz") return "if it was a timestamp, the date is dropped from every value";
  return null;
}
const READABLE = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bpchar: "char",
  bool: "boolean"
};
function readable(typeName) {
  const written = typeNameString(typeName);
  const base = typeBase(typeName);
  return READABLE[base] ? written.replace(base, READABLE[base]) : written;
}
function fixFor(to) {
  if (to.family === "string")
    return "keep the wider type and add CHECK (char_length(col) <= n) NOT VALID, then VALIDATE it; or check max(char_length(col)) before narrowing";
  if (to.family === "integer" || to.family === "numeric" || to.family === "float")
    return "check the data first (min/max, scale) and keep the wider type unless it truly never exceeds the new range";
  return "add a new column of the new type, backfill it in batches, switch readers, then drop the old column";
}

const truncateTable = {
  kind: "statement",
  meta: {
    id: "truncate-table",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "TRUNCATE of an existing table (worse with CASCADE)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const truncate = as(statement.ast, "TruncateStmt");
    if (!truncate) return [];
    const existing = (truncate.relations ?? []).map((node) => as(node, "RangeVar")).filter((relation) => relation && !context.isNewTable(relation));
    if (existing.length === 0) return [];
    const names = existing.map((relation) => `\`${displayTable(relation)}\``).join(", ");
    if (truncate.behavior === "DROP_CASCADE") {
      return [
        {
          message: `truncates ${names} with CASCADE: every row is deleted, and so is every row of each table with a foreign key to it, recursively, without listing them`,
          fix: "delete only the rows you mean to (DELETE \u2026 WHERE, in batches) and name every table explicitly; never CASCADE in a migration"
        }
      ];
    }
    return [
      {
        message: `truncates ${names}: every row is deleted and no rollback brings them back; the AccessExclusiveLock blocks all reads and writes meanwhile`,
        fix: "delete the rows you mean to with DELETE \u2026 WHERE in batches, or keep a copy of the table before emptying it"
      }
    ];
  }
};

const unboundedDml = {
  kind: "statement",
  meta: {
    id: "unbounded-dml",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "UPDATE or DELETE with no WHERE on an existing table",
    lock: "RowExclusiveLock"
  },
  check(statement, context) {
    const hits = [];
    const visit = (verb, relation, where) => {
      if (!relation || context.isNewTable(relation) || !alwaysTrue(where)) return;
      const table = displayTable(relation);
      const inTransaction = context.inTransaction ? ", held until the migration's transaction commits" : "";
      hits.push(
        verb === "DELETE" ? {
          message: `DELETE on \`${table}\` has no WHERE: it deletes every row, row-locking each one${inTransaction}`,
          fix: "add the WHERE you mean; to empty a table on purpose, do it outside the schema migration, in batches"
        } : {
          message: `UPDATE on \`${table}\` has no WHERE: it rewrites every row and overwrites the old values, row-locking each one${inTransaction} so concurrent writes wait`,
          fix: "backfill outside the schema migration in batches (UPDATE \u2026 WHERE id BETWEEN \u2026 , committing each), or add the WHERE you mean"
        }
      );
    };
    walk([statement.ast], (tag, value) => {
      if (tag === "UpdateStmt") {
        const update = value;
        visit("UPDATE", update.relation, update.whereClause);
      }
      if (tag === "DeleteStmt") {
        const del = value;
        visit("DELETE", del.relation, del.whereClause);
      }
    });
    return hits;
  }
};
function alwaysTrue(where) {
  if (!where) return true;
  if (constValue(where) === true) return true;
  const expr = as(where, "A_Expr");
  if (expr?.kind === "AEXPR_OP" && nameList(expr.name).join() === "=") {
    const left = constValue(expr.lexpr);
    return left !== void 0 && left !== null && left === constValue(expr.rexpr);
  }
  return false;
}

const rules$6 = [
  dropTable,
  dropColumn,
  dropSchema,
  truncateTable,
  cascadeDrop,
  unboundedDml,
  narrowingTypeChange,
  enumRecreate,
  dropNotNull,
  dropConstraint
];

const FILE_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
function ordered(migrations) {
  return migrations.filter((migration) => !migration.unrecognized && !migration.repeatable);
}
function heads(migrations) {
  const graph = ordered(migrations);
  const referenced = new Set(graph.flatMap((migration) => migration.parents));
  return graph.filter((migration) => !referenced.has(migration.id));
}
function roots(migrations) {
  return ordered(migrations).filter((migration) => migration.parents.length === 0);
}
function cycles(migrations) {
  const byId = new Map(ordered(migrations).map((migration) => [migration.id, migration]));
  const state = /* @__PURE__ */ new Map();
  const found = [];
  const visit = (id, trail) => {
    const status = state.get(id);
    if (status === "done") return;
    if (status === "visiting") {
      found.push(trail.slice(trail.indexOf(id)));
      return;
    }
    state.set(id, "visiting");
    for (const parent of byId.get(id)?.parents ?? []) if (byId.has(parent)) visit(parent, [...trail, id]);
    state.set(id, "done");
  };
  for (const id of byId.keys()) visit(id, []);
  return found;
}
function inScope(input) {
  if (!input.base) return input.migrations;
  return input.migrations.filter((migration) => migration.change === "added" || migration.change === "modified");
}
function isGraphTool(input) {
  return input.project.tool === "alembic";
}
function declarationSpan(migration) {
  return migration.parentsSpan ?? FILE_START;
}

const brokenRevisionChain = {
  kind: "history",
  meta: {
    id: "broken-revision-chain",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "down_revision names an unknown revision, or the revisions form a cycle",
    lock: null
  },
  check(input) {
    if (!isGraphTool(input)) return [];
    const graph = ordered(input.migrations);
    const known = new Set(graph.map((migration) => migration.id));
    const labels = new Set(graph.flatMap((migration) => migration.branchLabels ?? []));
    const hits = [];
    for (const migration of graph) {
      for (const parent of migration.parents.filter((id) => !known.has(id) && !prefixMatch(id, known))) {
        hits.push({
          path: migration.path,
          span: declarationSpan(migration),
          migration: migration.id,
          message: `down_revision \`${parent}\` of \`${migration.id}\` names no revision in ${input.project.folder}; Alembic stops with "Can't locate revision"`,
          fix: "set down_revision to the id of the revision this one follows (`alembic heads` shows the current head)"
        });
      }
      for (const dependency of (migration.dependsOn ?? []).filter(
        (id) => !known.has(id) && !labels.has(id) && !prefixMatch(id, known)
      )) {
        hits.push({
          path: migration.path,
          span: declarationSpan(migration),
          migration: migration.id,
          message: `depends_on \`${dependency}\` of \`${migration.id}\` names no revision or branch label`,
          fix: "point depends_on at an existing revision id or branch label"
        });
      }
    }
    const byId = new Map(graph.map((migration) => [migration.id, migration]));
    for (const cycle of cycles(input.migrations)) {
      const first = byId.get(cycle[0]);
      if (!first) continue;
      hits.push({
        path: first.path,
        span: declarationSpan(first),
        migration: first.id,
        message: `revisions form a cycle: ${[...cycle, cycle[0]].map((id) => `\`${id}\``).join(" \u2192 ")}; Alembic cannot order them`,
        fix: "make one of them point at the revision it really follows, so the chain leads back to a single base"
      });
    }
    const bases = roots(input.migrations);
    if (bases.length > 1 && labels.size === 0) {
      for (const base of bases.slice(1)) {
        hits.push({
          path: base.path,
          span: declarationSpan(base),
          migration: base.id,
          severity: "warning",
          message: `\`${base.id}\` has no down_revision, a second base beside \`${bases[0]?.id}\`: it starts a separate history`,
          fix: "set down_revision to the revision it follows, or give the branch a branch_label if a separate base is intended"
        });
      }
    }
    return hits;
  }
};
function prefixMatch(id, known) {
  if (id.length < 4) return false;
  return [...known].filter((candidate) => candidate.startsWith(id)).length === 1;
}

const duplicateVersion = {
  kind: "history",
  meta: {
    id: "duplicate-version",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "two migrations share a version",
    lock: null
  },
  check(input) {
    const groups = /* @__PURE__ */ new Map();
    for (const migration of ordered(input.migrations)) {
      const key = versionKey(migration);
      groups.set(key, [...groups.get(key) ?? [], migration]);
    }
    const hits = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const reported = input.base ? group.filter((m) => m.change === "added" || m.change === "modified") : group.slice(1);
      for (const migration of reported.length > 0 ? reported : group.slice(1)) {
        const others = group.filter((other) => other !== migration).map((other) => other.path);
        hits.push({
          path: migration.path,
          span: migration.parentsSpan ?? FILE_START,
          migration: migration.id,
          message: `version \`${migration.id}\` is also used by ${others.join(", ")}; the tool refuses to run (or runs only one of them)`,
          fix: "give this migration the next free version (a new timestamp)"
        });
      }
    }
    return hits;
  }
};
function versionKey(migration) {
  if (migration.convention === "flyway") {
    const parts = migration.id.split(/[._]/).map((part) => BigInt(part).toString());
    while (parts.length > 1 && parts.at(-1) === "0") parts.pop();
    return parts.join(".");
  }
  if (migration.convention === "prisma" || migration.convention === "alembic" || migration.convention === "sqitch")
    return migration.id;
  return /^\d+$/.test(migration.id) ? BigInt(migration.id).toString() : migration.id;
}

const editedAppliedMigration = {
  kind: "history",
  meta: {
    id: "edited-applied-migration",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "PR edits or deletes a migration that already exists on the base branch",
    lock: null
  },
  check(input) {
    if (!input.base) return [];
    const baseByPath = new Map(input.base.map((migration) => [migration.path, migration]));
    const hits = [];
    for (const migration of input.migrations) {
      if (migration.change !== "modified" || migration.repeatable || migration.unrecognized) continue;
      const before = baseByPath.get(migration.path) ?? input.base.find((m) => m.id === migration.id);
      if (!before || !upChanged(migration, before)) continue;
      hits.push({
        path: migration.path,
        span: firstDifference(migration, before),
        migration: migration.id,
        message: `\`${migration.id}\` already exists on the base branch and this PR changes it: ${consequence(migration)}`,
        fix: "leave applied migrations as they are and add a new migration with the change"
      });
    }
    for (const path of input.deleted) {
      const gone = input.base.find((migration) => migration.path === path);
      if (gone?.repeatable || gone?.unrecognized) continue;
      hits.push({
        path,
        span: FILE_START,
        ...gone ? { migration: gone.id } : {},
        message: `the PR deletes ${path}, a migration that exists on the base branch: databases that ran it keep its changes, new ones never get them`,
        fix: "restore the file; undo its effect with a new migration instead"
      });
    }
    return hits;
  }
};
function upChanged(head, base) {
  if ((head.tool === "prisma" || head.convention === "flyway") && head.checksum && base.checksum)
    return head.checksum !== base.checksum;
  const text = (migration) => migration.statements.map((statement) => statement.sql.replace(/\s+/g, " ")).join(";");
  return text(head) !== text(base);
}
function consequence(migration) {
  if (migration.tool === "prisma")
    return "`prisma migrate deploy` reports the checksum mismatch and `migrate dev` wants to reset the database";
  if (migration.convention === "flyway") return "`flyway validate` and `migrate` fail with a checksum mismatch";
  return "databases that already ran it will not run the new version, so they diverge from fresh ones";
}
function firstDifference(head, base) {
  const index = head.statements.findIndex((statement, i) => statement.sql !== base.statements[i]?.sql);
  return index === -1 ? FILE_START : head.statements[index]?.span ?? FILE_START;
}

const DOWN_NAMES = {
  alembic: "downgrade()",
  "golang-migrate": ".down.sql file",
  diesel: "down.sql",
  dbmate: "`-- migrate:down` section",
  sqitch: "revert/ script"
};
const emptyDowngrade = {
  kind: "history",
  meta: {
    id: "empty-downgrade",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "downgrade()/down script is missing or empty",
    lock: null
  },
  check(input) {
    const expected = DOWN_NAMES[input.project.convention];
    const scope = new Set(inScope(input));
    const hits = [];
    for (const migration of ordered(input.migrations)) {
      if (!scope.has(migration) || migration.statements.length === 0) continue;
      if (migration.down && !migration.down.empty) continue;
      if (!expected && !migration.down) continue;
      const missing = migration.down === null;
      hits.push({
        path: missing ? migration.path : migration.down?.path ?? migration.path,
        span: missing ? FILE_START : migration.down?.span ?? FILE_START,
        migration: migration.id,
        message: missing ? `\`${migration.id}\` has no ${expected}: it cannot be rolled back` : `the ${expected ?? "down script"} of \`${migration.id}\` is empty: rolling back records it as undone while the schema keeps its changes`,
        fix: "write the inverse statements (`db-migrate rollback` generates and verifies them), or state in a comment why it is irreversible"
      });
    }
    return hits;
  }
};

const multipleHeads = {
  kind: "history",
  meta: {
    id: "multiple-heads",
    category: "history",
    severity: "error",
    enabledByDefault: true,
    summary: "the revision graph has more than one head",
    lock: null
  },
  check(input) {
    const tips = heads(input.migrations);
    if (tips.length < 2 || intentionalBranches(input.migrations, tips)) return [];
    const added = tips.filter((tip) => tip.change === "added");
    const reported = input.base && added.length > 0 ? added : tips;
    const list = tips.map((tip) => `\`${tip.id}\` (${tip.path})`).join(", ");
    const ids = tips.map((tip) => tip.id).join(" ");
    return reported.map(
      (tip) => ({
        path: tip.path,
        span: declarationSpan(tip),
        migration: tip.id,
        message: `${tips.length} head revisions: ${list}; \`alembic upgrade head\` fails with "Multiple head revisions are present"${sharedParent(tips, input.migrations)}`,
        fix: `merge them with \`alembic merge -m "merge heads" ${ids}\`, or point this revision's down_revision at the other head`
      })
    );
  }
};
function intentionalBranches(migrations, tips) {
  const byId = new Map(ordered(migrations).map((migration) => [migration.id, migration]));
  const labelOf = (tip) => {
    const seen = /* @__PURE__ */ new Set();
    const stack = [tip];
    while (stack.length > 0) {
      const current = stack.pop();
      if (seen.has(current.id)) continue;
      seen.add(current.id);
      if (current.branchLabels?.length) return current.branchLabels[0];
      for (const parent of current.parents) {
        const next = byId.get(parent);
        if (next) stack.push(next);
      }
    }
    return void 0;
  };
  const labels = tips.map(labelOf);
  return labels.every((label) => label !== void 0) && new Set(labels).size === labels.length;
}
function sharedParent(tips, migrations) {
  const counts = /* @__PURE__ */ new Map();
  for (const migration of ordered(migrations))
    for (const parent of migration.parents) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  const forks = [...counts].filter(([, count]) => count > 1).map(([id]) => `\`${id}\``);
  return forks.length > 0 && tips.length > 1 ? ` (the history forks at ${forks.join(", ")})` : "";
}

const PRISMA_FOLDER = /^\d{14}_[A-Za-z0-9_-]+$/;
const namingConvention = {
  kind: "history",
  meta: {
    id: "naming-convention",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "migration file name breaks the tool's naming convention",
    lock: null
  },
  check(input) {
    const scope = new Set(inScope(input));
    const hits = [];
    for (const migration of input.migrations) {
      if (!scope.has(migration) || !migration.unrecognized) continue;
      hits.push({
        path: migration.path,
        span: FILE_START,
        migration: migration.id,
        severity: "error",
        message: `${path$1.basename(migration.path)} will not run: ${migration.unrecognized}`,
        fix: `rename it to the folder's convention, e.g. ${example(input.migrations, migration)}`
      });
    }
    const recognised = ordered(input.migrations);
    if (input.project.tool === "prisma") {
      for (const migration of recognised) {
        const folder = path$1.basename(path$1.dirname(migration.path));
        if (!scope.has(migration) || PRISMA_FOLDER.test(folder)) continue;
        hits.push({
          path: migration.path,
          span: FILE_START,
          migration: migration.id,
          message: `Prisma migration folder \`${folder}\` is not \`<YYYYMMDDHHMMSS>_<name>\`: Prisma orders folders by name, so it runs at an unexpected place`,
          fix: "create migrations with `prisma migrate dev --create-only --name <name>`"
        });
      }
    }
    if (input.project.tool === "sql" && input.project.convention !== "sqitch")
      hits.push(...versionStyle(recognised, scope));
    return hits;
  }
};
function versionStyle(migrations, scope) {
  const widths = /* @__PURE__ */ new Map();
  for (const migration of migrations) {
    if (scope.has(migration) || !/^\d+$/.test(migration.id)) continue;
    widths.set(migration.id.length, (widths.get(migration.id.length) ?? 0) + 1);
  }
  const [usual, count] = [...widths].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < 3) return [];
  const isTimestamp = (width) => width >= 12;
  return migrations.filter(
    (migration) => scope.has(migration) && /^\d+$/.test(migration.id) && isTimestamp(migration.id.length) !== isTimestamp(usual)
  ).map((migration) => ({
    path: migration.path,
    span: FILE_START,
    migration: migration.id,
    message: `version \`${migration.id}\` has ${migration.id.length} digits where the other migrations here have ${usual}: ${migration.id.length > usual ? "it sorts after every later migration numbered the usual way" : "it sorts before the existing ones"}`,
    fix: `use a ${usual}-digit version like the rest of the folder`
  }));
}
function example(migrations, stray) {
  const model = ordered(migrations).at(-1);
  const name = path$1.basename(stray.path).replace(/\.sql$/i, "").replace(/^[^A-Za-z]+/, "") || "change";
  switch (stray.convention) {
    case "flyway":
      return `V<next version>__${name}.sql`;
    case "golang-migrate":
      return `<next version>_${name}.up.sql and .down.sql`;
    case "diesel":
      return `<YYYY-MM-DD-HHMMSS>_${name}/up.sql and down.sql`;
    case "dbmate":
      return `<YYYYMMDDHHMMSS>_${name}.sql`;
    default:
      return model ? `${path$1.basename(model.path).replace(/^\d+/, "<next number>")}` : `<number>_${name}.sql`;
  }
}

const CONSEQUENCE = {
  flyway: {
    severity: "error",
    what: 'Flyway refuses it where the base is deployed (validate: "Detected resolved migration not applied to database") unless outOfOrder=true'
  },
  "golang-migrate": {
    severity: "error",
    what: "golang-migrate only runs versions above the database's current one, so it is silently skipped where the base is deployed"
  },
  prisma: {
    severity: "warning",
    what: "`prisma migrate deploy` runs it after newer migrations where the base is deployed, but in order on a fresh database: the two can end up different"
  },
  diesel: {
    severity: "warning",
    what: "diesel runs it after newer migrations where the base is deployed, in order elsewhere"
  },
  dbmate: {
    severity: "warning",
    what: "dbmate runs it after newer migrations where the base is deployed, in order elsewhere"
  },
  sqitch: {
    severity: "error",
    what: "sqitch refuses to deploy a plan whose already-deployed changes are no longer in the same order"
  },
  plain: {
    severity: "warning",
    what: "a runner that tracks the last version applied skips it where the base is deployed"
  }
};
const outOfOrder = {
  kind: "history",
  meta: {
    id: "out-of-order",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "new migration sorts before the newest migration on the base branch",
    lock: null
  },
  check(input) {
    if (!input.base || isGraphTool(input)) return [];
    const baseOrdered = ordered(input.base);
    const newest = baseOrdered.reduce(
      (best, migration) => !best || migration.order > best.order ? migration : best,
      void 0
    );
    if (!newest) return [];
    const consequence = CONSEQUENCE[input.project.convention] ?? CONSEQUENCE.plain;
    const hits = [];
    for (const migration of ordered(input.migrations)) {
      if (migration.change !== "added" || migration.order >= newest.order) continue;
      hits.push({
        path: migration.path,
        span: FILE_START,
        migration: migration.id,
        severity: consequence?.severity,
        message: `\`${migration.id}\` sorts before \`${newest.id}\`, the newest migration on the base branch; ${consequence?.what}`,
        fix: "rename it with a version after the newest one on the base branch (regenerate its timestamp)"
      });
    }
    return hits;
  }
};

const schemaMigrationMismatch = {
  kind: "history",
  meta: {
    id: "schema-migration-mismatch",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "schema.prisma (or models) changed with no migration",
    lock: null
  },
  check(input) {
    if (!input.base || input.project.tool !== "prisma" || !input.changedFiles) return [];
    if (input.migrations.some((migration) => migration.change === "added" || migration.change === "modified"))
      return [];
    const schemaChanges = input.changedFiles.filter(
      (change) => change.path.endsWith(".prisma") && modelsOf(change.before) !== modelsOf(change.after)
    );
    return schemaChanges.map((change) => ({
      path: change.path,
      span: firstChangedLine(change.before, change.after),
      message: `${change.path} changes the data model but the PR adds no migration to ${input.project.folder}: databases will not get the change`,
      fix: "run `prisma migrate dev --name <change>` and commit the new migration folder"
    }));
  }
};
function modelsOf(text) {
  if (text === null) return "";
  return text.replace(/\/\/.*$/gm, "").replace(/\bgenerator\s+\w+\s*\{[^}]*\}/g, "").split("\n").map((line) => line.trim().replace(/\s+/g, " ")).filter(Boolean).join("\n");
}
function firstChangedLine(before, after) {
  if (after === null) return FILE_START;
  const old = (before ?? "").split("\n");
  const index = after.split("\n").findIndex((line2, i) => line2 !== old[i]);
  const line = index === -1 ? 1 : index + 1;
  return { line, column: 1, endLine: line, endColumn: 1 };
}

const rules$5 = [
  multipleHeads,
  brokenRevisionChain,
  emptyDowngrade,
  outOfOrder,
  duplicateVersion,
  editedAppliedMigration,
  namingConvention,
  schemaMigrationMismatch
];

const parseError = {
  kind: "reported",
  meta: {
    id: "parse-error",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement PostgreSQL's parser rejects (file, line and column of the error)",
    lock: null
  }
};

const templatedSql = {
  kind: "reported",
  meta: {
    id: "templated-sql",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement with template placeholders ({{ \u2026 }} or dollar-brace) that cannot be analysed as written",
    lock: null
  }
};

const unanalyzedOperation = {
  kind: "reported",
  meta: {
    id: "unanalyzed-operation",
    category: "input",
    severity: "info",
    enabledByDefault: true,
    summary: "an operation in a migration file the static reader does not understand (loops, helpers, dynamic SQL)",
    lock: null
  }
};

const unreadableFile = {
  kind: "reported",
  meta: {
    id: "unreadable-file",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a migration file that is binary, not UTF-8 or too large to analyse",
    lock: null
  }
};

const rules$4 = [parseError, templatedSql, unreadableFile, unanalyzedOperation];

const addCheckValidating = {
  kind: "statement",
  meta: {
    id: "add-check-validating",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "CHECK constraint added without NOT VALID (full scan under AccessExclusiveLock)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_CHECK" || constraint.skip_validation) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds CHECK constraint ${name}to \`${table}\` without NOT VALID: every row is checked while an AccessExclusiveLock blocks all reads and writes of \`${table}\``,
          fix: "add it with `NOT VALID`, then `ALTER TABLE \u2026 VALIDATE CONSTRAINT \u2026` in a separate transaction (ShareUpdateExclusiveLock: reads and writes continue)"
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        const hasCheck = (column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_CHECK");
        if (!hasCheck) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` with a CHECK constraint: every row is checked while an AccessExclusiveLock blocks all reads and writes of \`${table}\``,
          fix: "add the column without the CHECK, then `ADD CONSTRAINT \u2026 CHECK (\u2026) NOT VALID` and `VALIDATE CONSTRAINT` in a separate transaction"
        });
      }
    }
    return hits;
  }
};

const FAST_DEFAULT_SINCE = 11;
const addColumnVolatileDefault = {
  kind: "statement",
  meta: {
    id: "add-column-volatile-default",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "ADD COLUMN with a volatile DEFAULT (table rewrite)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const fix = "add the column without a default, then `ALTER COLUMN \u2026 SET DEFAULT \u2026` (applies to new rows only) and backfill existing rows in batches";
    const rewriting = [];
    const calls = /* @__PURE__ */ new Set();
    let userFunctions;
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
      if (!column) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
      if (constraints.some(isGenerated)) continue;
      const expr = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
      if (!expr || isNullConstant(expr)) continue;
      if (context.pgVersion >= FAST_DEFAULT_SINCE) {
        userFunctions ??= createdFunctionVolatility(context.statements.slice(0, context.index));
        const { volatility, volatileCalls } = expressionVolatility(expr, userFunctions);
        if (volatility !== "volatile") continue;
        for (const call of volatileCalls) calls.add(call);
      }
      rewriting.push(`\`${table}.${column.colname ?? ""}\``);
    }
    if (rewriting.length === 0) return [];
    const columns = `${rewriting.length === 1 ? "column" : "columns"} ${rewriting.join(", ")}`;
    const blocking = `rewrites the whole table under an AccessExclusiveLock, blocking reads and writes of \`${table}\` until it finishes`;
    const message = context.pgVersion < FAST_DEFAULT_SINCE ? `adds ${columns} with a DEFAULT: before PostgreSQL 11 any default ${blocking}` : `adds ${columns} with a volatile DEFAULT (${[...calls].join(", ")}): PostgreSQL evaluates it for every row and ${blocking}`;
    return [{ message, fix }];
  }
};
function isGenerated(constraint) {
  return constraint.contype === "CONSTR_IDENTITY" || constraint.contype === "CONSTR_GENERATED";
}

const addExclusionConstraint = {
  kind: "statement",
  meta: {
    id: "add-exclusion-constraint",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "EXCLUDE constraint added to an existing table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype !== "AT_AddConstraint") continue;
      const constraint = as(cmd.def, "Constraint");
      if (constraint?.contype !== "CONSTR_EXCLUSION") continue;
      const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
      hits.push({
        message: `adds exclusion constraint ${name}on \`${table}\`, building its index and checking every row under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build (EXCLUDE has no CONCURRENTLY or USING INDEX form)`,
        fix: "add it while the table is small or in a maintenance window with a lock_timeout, or enforce the rule on a new table that is backfilled and swapped in"
      });
    }
    return hits;
  }
};

const addForeignKeyValidating = {
  kind: "statement",
  meta: {
    id: "add-foreign-key-validating",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "foreign key added without NOT VALID (scans the table, locks both tables)",
    lock: "ShareRowExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const commands = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")).filter((c) => c !== void 0);
    const validatesColumnKeys = commands.some(
      (cmd) => cmd.subtype === "AT_AddConstraint" && as(cmd.def, "Constraint")?.contype === "CONSTR_FOREIGN" || cmd.subtype === "AT_AddColumn" && hasDefault(as(cmd.def, "ColumnDef"))
    );
    const hits = [];
    for (const cmd of commands) {
      if (cmd.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_FOREIGN" || constraint.skip_validation) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        const columns = columnNames(constraint.fk_attrs).join(", ");
        const referenced = displayTable(constraint.pktable);
        hits.push({
          message: `adds foreign key ${name}on \`${table}\` (${columns}) \u2192 \`${referenced}\` without NOT VALID: every row of \`${table}\` is checked while a ShareRowExclusiveLock on \`${table}\` and \`${referenced}\` blocks writes to both`,
          fix: "add it with `NOT VALID`, then `ALTER TABLE \u2026 VALIDATE CONSTRAINT \u2026` in a separate transaction (it only takes ShareUpdateExclusiveLock)"
        });
        continue;
      }
      if (cmd.subtype !== "AT_AddColumn") continue;
      const column = as(cmd.def, "ColumnDef");
      for (const constraint of columnConstraints(column?.constraints)) {
        if (constraint.contype !== "CONSTR_FOREIGN") continue;
        const referenced = displayTable(constraint.pktable);
        const target = `\`${table}.${column?.colname ?? ""}\` \u2192 \`${referenced}\``;
        hits.push(
          validatesColumnKeys ? {
            message: `adds column ${target} with a foreign key that PostgreSQL validates (the statement also sets a default or adds a foreign key): every row of \`${table}\` is checked under an AccessExclusiveLock on \`${table}\` and a ShareRowExclusiveLock on \`${referenced}\``,
            fix: "add the column without the foreign key, then `ADD CONSTRAINT \u2026 FOREIGN KEY \u2026 NOT VALID` and `VALIDATE CONSTRAINT` in a separate transaction",
            lock: "AccessExclusiveLock"
          } : {
            message: `adds column ${target} with a foreign key: nothing is scanned (the column is all NULL), but the statement holds an AccessExclusiveLock on \`${table}\` while it waits for a ShareRowExclusiveLock on \`${referenced}\`, so traffic on both queues behind any long transaction`,
            fix: "add the column first, then `ADD CONSTRAINT \u2026 FOREIGN KEY \u2026 NOT VALID` and `VALIDATE CONSTRAINT` in separate short transactions with a lock_timeout",
            lock: "AccessExclusiveLock",
            severity: "warning"
          }
        );
      }
    }
    return hits;
  }
};
function hasDefault(column) {
  if (SERIAL_TYPES$1.has(typeBase(column?.typeName))) return true;
  return columnConstraints(column?.constraints).some(
    (c) => c.contype === "CONSTR_DEFAULT" || c.contype === "CONSTR_GENERATED"
  );
}
function columnConstraints(constraints) {
  return (constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
}

const addGeneratedColumn = {
  kind: "statement",
  meta: {
    id: "add-generated-column",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "serial, identity or stored generated column added to an existing table (rewrite)",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
      if (!column) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
      const type = typeBase(column.typeName);
      const stored = constraints.some((c) => c.contype === "CONSTR_GENERATED" && c.generated_kind !== "v");
      const identity = constraints.some((c) => c.contype === "CONSTR_IDENTITY");
      const kind = SERIAL_TYPES$1.has(type) ? `\`${type}\`` : identity ? "identity" : stored ? "stored generated" : void 0;
      if (!kind) continue;
      hits.push({
        message: `adds ${kind} column \`${table}.${column.colname ?? ""}\`: PostgreSQL computes a value for every existing row and rewrites the whole table under an AccessExclusiveLock, blocking reads and writes of \`${table}\` until it finishes`,
        fix: stored ? "use a virtual generated column (PostgreSQL 18), or add a plain column kept up to date by a trigger and backfill existing rows in batches" : "add a plain nullable bigint column, `SET DEFAULT nextval(\u2026)` for new rows, backfill existing rows in batches, then add NOT NULL via a validated CHECK (and ADD GENERATED \u2026 AS IDENTITY if wanted)"
      });
    }
    return hits;
  }
};

const addJsonColumn = {
  kind: "statement",
  meta: {
    id: "add-json-column",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "json column (no equality operator; prefer jsonb)",
    lock: null
  },
  check(statement) {
    const hits = [];
    const report = (table, column, typeName) => {
      if (!isJson(typeName)) return;
      hits.push({
        message: `column \`${table}.${column}\` is \`json\`: it has no equality operator, so DISTINCT, UNION, GROUP BY and \`=\` on it fail, it cannot take a GIN index, and every read re-parses the text`,
        fix: `declare \`${column}\` as \`jsonb\` (keep \`json\` only to preserve key order, whitespace or duplicate keys)`
      });
    };
    const create = as(statement.ast, "CreateStmt");
    if (create) {
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef");
        if (column?.colname) report(displayTable(create.relation), column.colname, column.typeName);
      }
      return hits;
    }
    const alter = as(statement.ast, "AlterTableStmt");
    for (const node of alter?.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const column = as(cmd?.def, "ColumnDef");
      const table = tableKey(alter?.relation) || "(unknown)";
      if (cmd?.subtype === "AT_AddColumn" && column?.colname) report(table, column.colname, column.typeName);
      if (cmd?.subtype === "AT_AlterColumnType" && cmd.name) report(table, cmd.name, column?.typeName);
    }
    return hits;
  }
};
function isJson(typeName) {
  const names = nameList(typeName?.names);
  if (names.at(-1)?.toLowerCase() !== "json") return false;
  return names.length === 1 || names[0] === "pg_catalog";
}

const addPrimaryKey = {
  kind: "statement",
  meta: {
    id: "add-primary-key",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "PRIMARY KEY that builds its index in place",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const fix = "make the key columns NOT NULL via a validated `CHECK (\u2026 IS NOT NULL)`, build the index with `CREATE UNIQUE INDEX CONCURRENTLY`, then `ADD CONSTRAINT \u2026 PRIMARY KEY USING INDEX \u2026`";
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_PRIMARY" || constraint.indexname) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds primary key ${name}on \`${table}\` (${columnNames(constraint.keys).join(", ")}), building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build`,
          fix
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (!(column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_PRIMARY")) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` as PRIMARY KEY, building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block while every row is indexed`,
          fix: `add and backfill the column first; then ${fix}`
        });
      }
    }
    return hits;
  }
};

const addRequiredColumn = {
  kind: "statement",
  meta: {
    id: "add-required-column",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "ADD COLUMN NOT NULL with no default",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const column = cmd?.subtype === "AT_AddColumn" ? as(cmd.def, "ColumnDef") : void 0;
      if (!column || SERIAL_TYPES$1.has(typeBase(column.typeName))) continue;
      const constraints = (column.constraints ?? []).map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
      const kinds = new Set(constraints.map((c) => c.contype));
      if (kinds.has("CONSTR_IDENTITY") || kinds.has("CONSTR_GENERATED")) continue;
      if (!kinds.has("CONSTR_NOTNULL") && !kinds.has("CONSTR_PRIMARY") && !column.is_not_null) continue;
      const fallback = constraints.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
      if (fallback && !isNullConstant(fallback)) continue;
      const name = column.colname ?? "";
      hits.push({
        message: `adds NOT NULL column \`${table}.${name}\` without a DEFAULT: it fails if \`${table}\` has any row, and inserts from app versions that do not set \`${name}\` fail`,
        fix: "give it a constant DEFAULT (no rewrite on PostgreSQL 11+), or add it nullable, backfill, then enforce NOT NULL with CHECK \u2026 NOT VALID, VALIDATE CONSTRAINT and SET NOT NULL"
      });
    }
    return hits;
  }
};

const addUniqueConstraint = {
  kind: "statement",
  meta: {
    id: "add-unique-constraint",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "UNIQUE constraint that builds its index in place",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const attach = "`CREATE UNIQUE INDEX CONCURRENTLY`, then `ALTER TABLE \u2026 ADD CONSTRAINT \u2026 UNIQUE USING INDEX \u2026`";
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_UNIQUE" || constraint.indexname) continue;
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds UNIQUE constraint ${name}on \`${table}\` (${columnNames(constraint.keys).join(", ")}), building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build`,
          fix: `build the index first with ${attach}`
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (!(column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_UNIQUE")) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` with UNIQUE, building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block while every row is indexed`,
          fix: `add the column without UNIQUE, build the index with ${attach}`
        });
      }
    }
    return hits;
  }
};

const changeColumnType = {
  kind: "statement",
  meta: {
    id: "change-column-type",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "column type change that rewrites the table",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || alter.objtype !== "OBJECT_TABLE" && alter.objtype !== "OBJECT_MATVIEW") return [];
    if (context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      if (cmd?.subtype !== "AT_AlterColumnType" || !cmd.name) continue;
      const definition = as(cmd.def, "ColumnDef");
      const target = definition?.typeName;
      const current = context.columnTypes.get(`${table}.${cmd.name}`);
      const verdict = typeChangeVerdict(current, target, definition?.raw_default, cmd.name);
      if (verdict === "none") continue;
      const column = `\`${displayTable(alter.relation)}.${cmd.name}\``;
      const to = target ? `\`${typeLabel(target)}\`` : "a new type";
      const from = current ? ` from \`${typeof current === "string" ? current : typeLabel(current)}\`` : "";
      const fix = "add a new column of the new type, backfill it in batches, switch the application to it, then drop the old column";
      if (verdict === "unknown-current") {
        hits.push({
          severity: "warning",
          message: `changes ${column} to ${to}; its current type is not known from the migrations analysed: unless it is binary-compatible (e.g. varchar \u2192 text, varchar(n) \u2192 varchar(m > n)), PostgreSQL rewrites the whole table and its indexes under an AccessExclusiveLock, blocking reads and writes`,
          fix: `confirm the current type is binary-compatible with ${to}; otherwise ${fix}`
        });
        continue;
      }
      const using = definition?.raw_default ? " with a USING conversion" : "";
      hits.push({
        message: `changes ${column}${from} to ${to}${using}: PostgreSQL rewrites the whole table and rebuilds its indexes under an AccessExclusiveLock, blocking reads and writes of \`${displayTable(alter.relation)}\` until it finishes`,
        fix
      });
    }
    return hits;
  }
};

const createIndexNonConcurrently = {
  kind: "statement",
  meta: {
    id: "create-index-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "CREATE INDEX without CONCURRENTLY on an existing table",
    lock: "ShareLock"
  },
  check(statement, context) {
    const index = as(statement.ast, "IndexStmt");
    if (!index || index.concurrent || !index.relation?.inh) return [];
    if (context.isNewTable(index.relation)) return [];
    const table = displayTable(index.relation);
    const name = index.idxname ? `index \`${index.idxname}\`` : "an index";
    const unique = index.unique ? "UNIQUE " : "";
    return [
      {
        message: `builds ${name} on \`${table}\` without CONCURRENTLY: its ShareLock blocks writes (INSERT/UPDATE/DELETE) to \`${table}\` for the whole duration of the build`,
        fix: `use \`CREATE ${unique}INDEX CONCURRENTLY\` in a migration that runs outside a transaction (it cannot run inside one)`
      }
    ];
  }
};

const detachPartitionNonConcurrently = {
  kind: "statement",
  meta: {
    id: "detach-partition-non-concurrently",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "DETACH PARTITION without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || context.isNewTable(alter.relation)) return [];
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const partition = as(cmd?.def, "PartitionCmd");
      if (cmd?.subtype !== "AT_DetachPartition" || !partition || partition.concurrent) continue;
      const parent = displayTable(alter.relation);
      const child = tableKey(partition.name) || "(unknown)";
      hits.push({
        message: `detaches \`${child}\` from \`${parent}\` without CONCURRENTLY: it takes an AccessExclusiveLock on \`${parent}\`, so reads and writes of every partition wait for it, and it waits for every running query on them`,
        fix: context.pgVersion >= 14 ? `use \`ALTER TABLE ${parent} DETACH PARTITION ${child} CONCURRENTLY\` outside a transaction block (PostgreSQL 14+)` : `on PostgreSQL 14+ use DETACH PARTITION \u2026 CONCURRENTLY; before that, set a short lock_timeout and retry`
      });
    }
    return hits;
  }
};

const domainWithConstraint = {
  kind: "statement",
  meta: {
    id: "domain-with-constraint",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "CREATE DOMAIN \u2026 CHECK / ALTER DOMAIN \u2026 ADD CONSTRAINT",
    lock: null
  },
  check(statement, context) {
    const create = as(statement.ast, "CreateDomainStmt");
    if (create) {
      const hasCheck = (create.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_CHECK");
      if (!hasCheck) return [];
      const domain2 = objectKey(nameList(create.domainname));
      return [
        {
          message: `domain \`${domain2}\` has a CHECK constraint: changing it later means ALTER DOMAIN, which scans every column of the domain in every table under a ShareLock (blocking writes), and adding a column of this domain to an existing table rewrites that table`,
          fix: "use the base type and put the CHECK on each table's column (added NOT VALID, then VALIDATE), where it can change table by table"
        }
      ];
    }
    const alter = as(statement.ast, "AlterDomainStmt");
    if (!alter) return [];
    const constraint = as(alter.def, "Constraint");
    const adds = alter.subtype === "C" && constraint !== void 0 && !constraint.skip_validation;
    const setsNotNull = alter.subtype === "O";
    const validates = alter.subtype === "V";
    if (!adds && !setsNotNull && !validates) return [];
    const domain = objectKey(nameList(alter.typeName));
    if (createdEarlier(domain, context.statements.slice(0, context.index))) return [];
    const what = setsNotNull ? "SET NOT NULL" : validates ? `VALIDATE CONSTRAINT ${alter.name ?? ""}`.trim() : `ADD CONSTRAINT${constraint?.conname ? ` ${constraint.conname}` : ""}`;
    return [
      {
        // VALIDATE is the better half of NOT VALID + VALIDATE, but for a domain it still holds a ShareLock.
        severity: validates ? "warning" : "error",
        lock: "ShareLock",
        message: `ALTER DOMAIN \`${domain}\` ${what} checks every column of type \`${domain}\` in every table, holding a ShareLock on each table (blocking its writes) while it scans all of their rows`,
        fix: setsNotNull ? "put NOT NULL on the table columns instead (CHECK \u2026 IS NOT NULL NOT VALID, VALIDATE, then SET NOT NULL)" : validates ? "validate at a quiet time with a statement_timeout, or move the check to each table (ADD CONSTRAINT \u2026 NOT VALID, then VALIDATE: ShareUpdateExclusiveLock)" : `add it \`NOT VALID\` (new values are checked at once) and validate at a quiet time, or put the CHECK on each table's column instead (NOT VALID, then VALIDATE without blocking writes)`
      }
    ];
  }
};
function createdEarlier(domain, statements) {
  return statements.some((s) => {
    const create = as(s.ast, "CreateDomainStmt");
    return create !== void 0 && objectKey(nameList(create.domainname)) === domain;
  });
}

const dropIndexNonConcurrently = {
  kind: "statement",
  meta: {
    id: "drop-index-non-concurrently",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "DROP INDEX without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const drop = as(statement.ast, "DropStmt");
    if (drop?.removeType !== "OBJECT_INDEX" || drop.concurrent) return [];
    const hits = [];
    for (const object of drop.objects ?? []) {
      const names = (as(object, "List")?.items ?? []).map((n) => as(n, "String")?.sval ?? "");
      const index = qualifiedKey(names.length > 1 ? names.at(-2) : void 0, names.at(-1) ?? "");
      if (context.created.indexes.has(index)) continue;
      hits.push({
        message: `drops index \`${index}\` without CONCURRENTLY: it takes an AccessExclusiveLock on the index's table, blocking its reads and writes while it waits for running queries and while it runs`,
        fix: `use \`DROP INDEX CONCURRENTLY ${index}\` (one index per statement, no CASCADE) in a migration that runs outside a transaction`
      });
    }
    return hits;
  }
};

const enumValueOrdering = {
  kind: "statement",
  meta: {
    id: "enum-value-ordering",
    category: "locks",
    severity: "info",
    enabledByDefault: false,
    summary: "ALTER TYPE \u2026 ADD VALUE \u2026 BEFORE/AFTER",
    lock: null
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterEnumStmt");
    if (!alter?.newVal || alter.oldVal || !alter.newValNeighbor) return [];
    const type = objectKey(nameList(alter.typeName));
    if (context.created.types.has(type)) return [];
    const where = alter.newValIsAfter ? "AFTER" : "BEFORE";
    return [
      {
        message: `adds '${alter.newVal}' to enum \`${type}\` ${where} '${alter.newValNeighbor}': it sorts between existing labels, so ORDER BY, \`<\`/\`>\` and min()/max() on \`${type}\` columns change meaning for code that relies on positions, and comparisons with it use the slower out-of-order path`,
        fix: `add the label at the end (\`ALTER TYPE ${type} ADD VALUE '${alter.newVal}'\`) and order in queries explicitly where the order matters`
      }
    ];
  }
};

/* eslint-disable */
/**
 * Generated from PostgreSQL kwlist.h
 * DO NOT EDIT BY HAND.
 */
const kwlist = {
    UNRESERVED_KEYWORD: [
        "abort",
        "absent",
        "absolute",
        "access",
        "action",
        "add",
        "admin",
        "after",
        "aggregate",
        "also",
        "alter",
        "always",
        "asensitive",
        "assertion",
        "assignment",
        "at",
        "atomic",
        "attach",
        "attribute",
        "backward",
        "before",
        "begin",
        "breadth",
        "by",
        "cache",
        "call",
        "called",
        "cascade",
        "cascaded",
        "catalog",
        "chain",
        "characteristics",
        "checkpoint",
        "class",
        "close",
        "cluster",
        "columns",
        "comment",
        "comments",
        "commit",
        "committed",
        "compression",
        "conditional",
        "configuration",
        "conflict",
        "connection",
        "constraints",
        "content",
        "continue",
        "conversion",
        "copy",
        "cost",
        "csv",
        "cube",
        "current",
        "cursor",
        "cycle",
        "data",
        "database",
        "day",
        "deallocate",
        "declare",
        "defaults",
        "deferred",
        "definer",
        "delete",
        "delimiter",
        "delimiters",
        "depends",
        "depth",
        "detach",
        "dictionary",
        "disable",
        "discard",
        "document",
        "domain",
        "double",
        "drop",
        "each",
        "empty",
        "enable",
        "encoding",
        "encrypted",
        "enforced",
        "enum",
        "error",
        "escape",
        "event",
        "exclude",
        "excluding",
        "exclusive",
        "execute",
        "explain",
        "expression",
        "extension",
        "external",
        "family",
        "filter",
        "finalize",
        "first",
        "following",
        "force",
        "format",
        "forward",
        "function",
        "functions",
        "generated",
        "global",
        "granted",
        "groups",
        "handler",
        "header",
        "hold",
        "hour",
        "identity",
        "if",
        "immediate",
        "immutable",
        "implicit",
        "import",
        "include",
        "including",
        "increment",
        "indent",
        "index",
        "indexes",
        "inherit",
        "inherits",
        "inline",
        "input",
        "insensitive",
        "insert",
        "instead",
        "invoker",
        "isolation",
        "keep",
        "key",
        "keys",
        "label",
        "language",
        "large",
        "last",
        "leakproof",
        "level",
        "listen",
        "load",
        "local",
        "location",
        "lock",
        "locked",
        "logged",
        "mapping",
        "match",
        "matched",
        "materialized",
        "maxvalue",
        "merge",
        "method",
        "minute",
        "minvalue",
        "mode",
        "month",
        "move",
        "name",
        "names",
        "nested",
        "new",
        "next",
        "nfc",
        "nfd",
        "nfkc",
        "nfkd",
        "no",
        "normalized",
        "nothing",
        "notify",
        "nowait",
        "nulls",
        "object",
        "objects",
        "of",
        "off",
        "oids",
        "old",
        "omit",
        "operator",
        "option",
        "options",
        "ordinality",
        "others",
        "over",
        "overriding",
        "owned",
        "owner",
        "parallel",
        "parameter",
        "parser",
        "partial",
        "partition",
        "passing",
        "password",
        "path",
        "period",
        "plan",
        "plans",
        "policy",
        "preceding",
        "prepare",
        "prepared",
        "preserve",
        "prior",
        "privileges",
        "procedural",
        "procedure",
        "procedures",
        "program",
        "publication",
        "quote",
        "quotes",
        "range",
        "read",
        "reassign",
        "recursive",
        "ref",
        "referencing",
        "refresh",
        "reindex",
        "relative",
        "release",
        "rename",
        "repeatable",
        "replace",
        "replica",
        "reset",
        "restart",
        "restrict",
        "return",
        "returns",
        "revoke",
        "role",
        "rollback",
        "rollup",
        "routine",
        "routines",
        "rows",
        "rule",
        "savepoint",
        "scalar",
        "schema",
        "schemas",
        "scroll",
        "search",
        "second",
        "security",
        "sequence",
        "sequences",
        "serializable",
        "server",
        "session",
        "set",
        "sets",
        "share",
        "show",
        "simple",
        "skip",
        "snapshot",
        "source",
        "sql",
        "stable",
        "standalone",
        "start",
        "statement",
        "statistics",
        "stdin",
        "stdout",
        "storage",
        "stored",
        "strict",
        "string",
        "strip",
        "subscription",
        "support",
        "sysid",
        "system",
        "tables",
        "tablespace",
        "target",
        "temp",
        "template",
        "temporary",
        "text",
        "ties",
        "transaction",
        "transform",
        "trigger",
        "truncate",
        "trusted",
        "type",
        "types",
        "uescape",
        "unbounded",
        "uncommitted",
        "unconditional",
        "unencrypted",
        "unknown",
        "unlisten",
        "unlogged",
        "until",
        "update",
        "vacuum",
        "valid",
        "validate",
        "validator",
        "value",
        "varying",
        "version",
        "view",
        "views",
        "virtual",
        "volatile",
        "whitespace",
        "within",
        "without",
        "work",
        "wrapper",
        "write",
        "xml",
        "year",
        "yes",
        "zone"
    ],
    RESERVED_KEYWORD: [
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "array",
        "as",
        "asc",
        "asymmetric",
        "both",
        "case",
        "cast",
        "check",
        "collate",
        "column",
        "constraint",
        "create",
        "current_catalog",
        "current_date",
        "current_role",
        "current_time",
        "current_timestamp",
        "current_user",
        "default",
        "deferrable",
        "desc",
        "distinct",
        "do",
        "else",
        "end",
        "except",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "grant",
        "group",
        "having",
        "in",
        "initially",
        "intersect",
        "into",
        "lateral",
        "leading",
        "limit",
        "localtime",
        "localtimestamp",
        "not",
        "null",
        "offset",
        "on",
        "only",
        "or",
        "order",
        "placing",
        "primary",
        "references",
        "returning",
        "select",
        "session_user",
        "some",
        "symmetric",
        "system_user",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "user",
        "using",
        "variadic",
        "when",
        "where",
        "window",
        "with"
    ],
    TYPE_FUNC_NAME_KEYWORD: [
        "authorization",
        "binary",
        "collation",
        "concurrently",
        "cross",
        "current_schema",
        "freeze",
        "full",
        "ilike",
        "inner",
        "is",
        "isnull",
        "join",
        "left",
        "like",
        "natural",
        "notnull",
        "outer",
        "overlaps",
        "right",
        "similar",
        "tablesample",
        "verbose"
    ],
    COL_NAME_KEYWORD: [
        "between",
        "bigint",
        "bit",
        "boolean",
        "char",
        "character",
        "coalesce",
        "dec",
        "decimal",
        "exists",
        "extract",
        "float",
        "greatest",
        "grouping",
        "inout",
        "int",
        "integer",
        "interval",
        "json",
        "json_array",
        "json_arrayagg",
        "json_exists",
        "json_object",
        "json_objectagg",
        "json_query",
        "json_scalar",
        "json_serialize",
        "json_table",
        "json_value",
        "least",
        "merge_action",
        "national",
        "nchar",
        "none",
        "normalize",
        "nullif",
        "numeric",
        "out",
        "overlay",
        "position",
        "precision",
        "real",
        "row",
        "setof",
        "smallint",
        "substring",
        "time",
        "timestamp",
        "treat",
        "trim",
        "values",
        "varchar",
        "xmlattributes",
        "xmlconcat",
        "xmlelement",
        "xmlexists",
        "xmlforest",
        "xmlnamespaces",
        "xmlparse",
        "xmlpi",
        "xmlroot",
        "xmlserialize",
        "xmltable"
    ]
};
const RESERVED_KEYWORDS = new Set(kwlist.RESERVED_KEYWORD ?? []);
const UNRESERVED_KEYWORDS = new Set(kwlist.UNRESERVED_KEYWORD ?? []);
const COL_NAME_KEYWORDS = new Set(kwlist.COL_NAME_KEYWORD ?? []);
const TYPE_FUNC_NAME_KEYWORDS = new Set(kwlist.TYPE_FUNC_NAME_KEYWORD ?? []);
function keywordKindOf(word) {
    const w = word.toLowerCase();
    if (RESERVED_KEYWORDS.has(w))
        return "RESERVED_KEYWORD";
    if (TYPE_FUNC_NAME_KEYWORDS.has(w))
        return "TYPE_FUNC_NAME_KEYWORD";
    if (COL_NAME_KEYWORDS.has(w))
        return "COL_NAME_KEYWORD";
    if (UNRESERVED_KEYWORDS.has(w))
        return "UNRESERVED_KEYWORD";
    return "NO_KEYWORD";
}

class QuoteUtils {
    static escape(literal) {
        return `'${literal.replace(/'/g, "''")}'`;
    }
    /**
     * Escapes a string value for use in E-prefixed string literals
     * Handles both backslashes and single quotes properly
     */
    static escapeEString(value) {
        return value.replace(/\\/g, '\\\\').replace(/'/g, "''");
    }
    /**
     * Formats a string as an E-prefixed string literal with proper escaping
     * This wraps the complete E-prefix logic including detection and formatting
     */
    static formatEString(value) {
        const needsEscape = QuoteUtils.needsEscapePrefix(value);
        if (needsEscape) {
            const escapedValue = QuoteUtils.escapeEString(value);
            return `E'${escapedValue}'`;
        }
        else {
            return QuoteUtils.escape(value);
        }
    }
    /**
     * Determines if a string value needs E-prefix for escaped string literals
     * Detects backslash escape sequences that require E-prefix in PostgreSQL
     */
    static needsEscapePrefix(value) {
        // Always use E'' if the string contains any backslashes,
        // unless it's a raw \x... bytea-style literal.
        return !/^\\x[0-9a-fA-F]+$/i.test(value) && value.includes('\\');
    }
    /**
     * Quote an identifier only if needed
     *
     * This is a TypeScript port of PostgreSQL's quote_identifier() function from ruleutils.c
     * https://github.com/postgres/postgres/blob/fab5cd3dd1323f9e66efeb676c4bb212ff340204/src/backend/utils/adt/ruleutils.c#L13055-L13137
     *
     * Can avoid quoting if ident starts with a lowercase letter or underscore
     * and contains only lowercase letters, digits, and underscores, *and* is
     * not any SQL keyword. Otherwise, supply quotes.
     *
     * When quotes are needed, embedded double quotes are properly escaped as "".
     */
    static quoteIdentifier(ident) {
        if (!ident)
            return ident;
        let safe = true;
        // Check first character: must be lowercase letter or underscore
        const firstChar = ident[0];
        if (!((firstChar >= 'a' && firstChar <= 'z') || firstChar === '_')) {
            safe = false;
        }
        // Check all characters
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if ((ch >= 'a' && ch <= 'z') ||
                (ch >= '0' && ch <= '9') ||
                (ch === '_')) ;
            else {
                safe = false;
            }
        }
        if (safe) {
            // Check for keyword. We quote keywords except for unreserved ones.
            // (In some cases we could avoid quoting a col_name or type_func_name
            // keyword, but it seems much harder than it's worth to tell that.)
            const kwKind = keywordKindOf(ident);
            if (kwKind !== 'NO_KEYWORD' && kwKind !== 'UNRESERVED_KEYWORD') {
                safe = false;
            }
        }
        if (safe) {
            return ident; // no change needed
        }
        // Build quoted identifier with escaped embedded quotes
        let result = '"';
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if (ch === '"') {
                result += '"'; // escape " as ""
            }
            result += ch;
        }
        result += '"';
        return result;
    }
    /**
     * Quote an identifier that appears after a dot in a qualified name.
     *
     * In PostgreSQL's grammar, identifiers that appear after a dot (e.g., schema.name,
     * table.column) are in a more permissive position that accepts all keyword categories
     * including RESERVED_KEYWORD. This means we only need to quote for lexical reasons
     * (uppercase, special characters, leading digits) not for keyword reasons.
     *
     * Empirically verified: `myschema.select`, `myschema.float`, `t.from` all parse
     * successfully in PostgreSQL without quotes.
     */
    static quoteIdentifierAfterDot(ident) {
        if (!ident)
            return ident;
        let safe = true;
        const firstChar = ident[0];
        if (!((firstChar >= 'a' && firstChar <= 'z') || firstChar === '_')) {
            safe = false;
        }
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if ((ch >= 'a' && ch <= 'z') ||
                (ch >= '0' && ch <= '9') ||
                (ch === '_')) ;
            else {
                safe = false;
            }
        }
        if (safe) {
            return ident;
        }
        let result = '"';
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if (ch === '"') {
                result += '"';
            }
            result += ch;
        }
        result += '"';
        return result;
    }
    /**
     * Quote a dotted name (e.g., schema.table, catalog.schema.table).
     *
     * The first part uses strict quoting (keywords are quoted), while subsequent
     * parts use relaxed quoting (keywords allowed, only quote for lexical reasons).
     *
     * This reflects PostgreSQL's grammar where the first identifier in a statement
     * may conflict with keywords, but identifiers after a dot are in a more
     * permissive position.
     */
    static quoteDottedName(parts) {
        if (!parts || parts.length === 0)
            return '';
        if (parts.length === 1) {
            return QuoteUtils.quoteIdentifier(parts[0]);
        }
        return parts.map((part, index) => index === 0 ? QuoteUtils.quoteIdentifier(part) : QuoteUtils.quoteIdentifierAfterDot(part)).join('.');
    }
    /**
     * Quote a possibly-qualified identifier
     *
     * This is inspired by PostgreSQL's quote_qualified_identifier() function from ruleutils.c
     * but uses relaxed quoting for the tail component since PostgreSQL's grammar accepts
     * all keywords in qualified name positions.
     *
     * Return a name of the form qualifier.ident, or just ident if qualifier
     * is null/undefined, quoting each component if necessary.
     */
    static quoteQualifiedIdentifier(qualifier, ident) {
        if (qualifier) {
            return `${QuoteUtils.quoteIdentifier(qualifier)}.${QuoteUtils.quoteIdentifierAfterDot(ident)}`;
        }
        return QuoteUtils.quoteIdentifier(ident);
    }
    /**
     * Quote an identifier that appears as a type name.
     *
     * Type names in PostgreSQL have a less strict quoting policy than standalone identifiers.
     * In type positions, COL_NAME_KEYWORD and TYPE_FUNC_NAME_KEYWORD are allowed unquoted
     * (e.g., 'json', 'int', 'boolean', 'interval'). Only RESERVED_KEYWORD must be quoted.
     *
     * This is different from:
     * - quoteIdentifier(): quotes all keywords except UNRESERVED_KEYWORD
     * - quoteIdentifierAfterDot(): only quotes for lexical reasons (no keyword checking)
     *
     * Type names still need quoting for lexical reasons (uppercase, special chars, etc.).
     */
    static quoteIdentifierTypeName(ident) {
        if (!ident)
            return ident;
        let safe = true;
        // Check first character: must be lowercase letter or underscore
        const firstChar = ident[0];
        if (!((firstChar >= 'a' && firstChar <= 'z') || firstChar === '_')) {
            safe = false;
        }
        // Check all characters
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if ((ch >= 'a' && ch <= 'z') ||
                (ch >= '0' && ch <= '9') ||
                (ch === '_')) ;
            else {
                safe = false;
            }
        }
        if (safe) {
            // For type names, only quote RESERVED_KEYWORD
            // COL_NAME_KEYWORD and TYPE_FUNC_NAME_KEYWORD are allowed unquoted in type positions
            const kwKind = keywordKindOf(ident);
            if (kwKind === 'RESERVED_KEYWORD') {
                safe = false;
            }
        }
        if (safe) {
            return ident; // no change needed
        }
        // Build quoted identifier with escaped embedded quotes
        let result = '"';
        for (let i = 0; i < ident.length; i++) {
            const ch = ident[i];
            if (ch === '"') {
                result += '"'; // escape " as ""
            }
            result += ch;
        }
        result += '"';
        return result;
    }
    /**
     * Quote a dotted type name (e.g., schema.typename).
     *
     * For type names, we use type-name quoting for all parts since the entire
     * qualified name is in a type context. This allows keywords like 'json',
     * 'int', 'boolean' to remain unquoted in user-defined schema-qualified types.
     */
    static quoteTypeDottedName(parts) {
        if (!parts || parts.length === 0)
            return '';
        return parts.map(part => QuoteUtils.quoteIdentifierTypeName(part)).join('.');
    }
}

function constraintsOf(node) {
  const column = as(node, "ColumnDef");
  const list = column ? column.constraints ?? [] : [node];
  return list.map((c) => as(c, "Constraint")).filter((c) => c !== void 0);
}
function foreignKey(constraint, column) {
  if (constraint.contype !== "CONSTR_FOREIGN") return void 0;
  const columns = column ? [column] : nameList(constraint.fk_attrs);
  return columns.length > 0 ? { columns, referenced: tableKey(constraint.pktable) } : void 0;
}
function indexesOf(node, column) {
  return constraintsOf(node).filter((c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_UNIQUE" || c.contype === "CONSTR_EXCLUSION").map((c) => column ? [column] : c.contype === "CONSTR_EXCLUSION" ? exclusionColumns(c) : columnNames(c.keys));
}
function exclusionColumns(constraint) {
  return (constraint.exclusions ?? []).map((pair) => columnNames([as(pair, "List")?.items?.[0]])[0] ?? "");
}
function laterIndexes(statements, after, table) {
  const lists = [];
  for (const statement of statements.slice(after + 1)) {
    const index = as(statement.ast, "IndexStmt");
    if (index && tableKey(index.relation) === table) lists.push(columnNames(index.indexParams));
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter && tableKey(alter.relation) === table)
      for (const cmd of alter.cmds ?? []) {
        const def = as(cmd, "AlterTableCmd")?.def;
        const column = as(def, "ColumnDef");
        if (def) lists.push(...indexesOf(def, column?.colname));
      }
  }
  return lists;
}
function covers(index, columns) {
  return index[0] !== void 0 && columns.includes(index[0]);
}
function addedColumns(statements, upTo, table) {
  const added = /* @__PURE__ */ new Set();
  for (const statement of statements.slice(0, upTo + 1)) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || tableKey(alter.relation) !== table) continue;
    for (const cmd of alter.cmds ?? []) {
      const command = as(cmd, "AlterTableCmd");
      const column = as(command?.def, "ColumnDef");
      if (command?.subtype === "AT_AddColumn" && column?.colname) added.add(column.colname);
    }
  }
  return added;
}
function createdInMigration(statements, before, table) {
  return statements.slice(0, before).some((s) => tableKey(as(s.ast, "CreateStmt")?.relation) === table);
}
const foreignKeyWithoutIndex = {
  kind: "statement",
  meta: {
    id: "foreign-key-without-index",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "foreign key whose referencing columns have no index",
    lock: null
  },
  check(statement, context) {
    const found = [];
    const create = as(statement.ast, "CreateStmt");
    if (create) {
      const table = tableKey(create.relation);
      const ownIndexes = (create.tableElts ?? []).flatMap((e) => indexesOf(e, as(e, "ColumnDef")?.colname));
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef")?.colname;
        for (const constraint of constraintsOf(element)) {
          const key = foreignKey(constraint, column);
          if (key) found.push({ table, key, ownIndexes, fresh: true });
        }
      }
    }
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype === "OBJECT_TABLE") {
      const table = tableKey(alter.relation);
      const defs = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")?.def).filter((d) => d !== void 0);
      const ownIndexes = defs.flatMap((d) => indexesOf(d, as(d, "ColumnDef")?.colname));
      const visible = createdInMigration(context.statements, context.index, table);
      const added = addedColumns(context.statements, context.index, table);
      for (const def of defs) {
        const column = as(def, "ColumnDef")?.colname;
        for (const constraint of constraintsOf(def)) {
          const key = foreignKey(constraint, column);
          if (key && (visible || key.columns.some((c) => added.has(c)))) {
            found.push({ table, key, ownIndexes, fresh: Boolean(visible) || context.isNewTable(table) });
          }
        }
      }
    }
    const hits = [];
    for (const { table, key, ownIndexes, fresh } of found) {
      const indexes = [
        ...ownIndexes,
        ...context.indexColumns.get(table) ?? [],
        ...laterIndexes(context.statements, context.index, table)
      ];
      if (indexes.some((index) => covers(index, key.columns))) continue;
      const columns = key.columns.join(", ");
      const create2 = `CREATE INDEX ON ${table.split(".").map(QuoteUtils.quoteIdentifier).join(".")} (${key.columns.map(QuoteUtils.quoteIdentifier).join(", ")});`;
      hits.push({
        message: `foreign key \`${table}(${columns})\` \u2192 \`${key.referenced || "(unknown)"}\` has no index starting with its column${key.columns.length > 1 ? "s" : ""}: every DELETE (or key UPDATE) on \`${key.referenced}\` scans all of \`${table}\` for references, holding locks while it does`,
        fix: fresh ? `add \`${create2}\` in this migration: \`${table}\` is new and empty, so the build is instant` : `add \`${create2.replace("CREATE INDEX", "CREATE INDEX CONCURRENTLY")}\` in a migration of its own, outside a transaction`
      });
    }
    return hits;
  }
};

const EFFECTS = /* @__PURE__ */ new WeakMap();
function effectsAt(context, index = context.index) {
  let cache = EFFECTS.get(context);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    EFFECTS.set(context, cache);
  }
  const cached = cache.get(index);
  if (cached) return cached;
  const ast = context.statements[index]?.ast;
  const effects = ast ? statementEffects(ast, context.pgVersion, {
    columnTypes: context.columnTypes,
    indexTables: context.indexTables,
    foreignKeys: context.foreignKeys,
    functionVolatility: migrationFunctions(context.statements),
    hasValidatedNotNullCheck: context.hasValidatedNotNullCheck
  }) : [];
  cache.set(index, effects);
  return effects;
}
const FUNCTIONS = /* @__PURE__ */ new WeakMap();
function migrationFunctions(statements) {
  let functions = FUNCTIONS.get(statements);
  if (!functions) {
    functions = createdFunctionVolatility(statements);
    FUNCTIONS.set(statements, functions);
  }
  return functions;
}
function onExistingRelation(effect, context) {
  if (effect.table) return !context.isNewTable(effect.table);
  return !(effect.index && context.created.indexes.has(effect.index));
}
function relationLabel(effect) {
  if (effect.table) return `\`${effect.table}\``;
  if (effect.index) return `the table of index \`${effect.index}\``;
  return effect.note ?? "the tables involved";
}
function lockWithBlocked(lock) {
  const blocked = blockedBy(lock).filter((b) => b !== "ddl");
  return blocked.length > 0 ? `${lock} (blocks ${blocked.join(" and ")})` : lock;
}
function endsTransaction$1(statement) {
  const kind = as(statement.ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK" || kind === "TRANS_STMT_PREPARE" || kind === "TRANS_STMT_COMMIT_PREPARED" || kind === "TRANS_STMT_ROLLBACK_PREPARED";
}
function beginsTransaction(statement) {
  const kind = as(statement.ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START";
}
function isHousekeeping(statement) {
  return as(statement.ast, "VariableSetStmt") !== void 0 || as(statement.ast, "VariableShowStmt") !== void 0 || as(statement.ast, "TransactionStmt") !== void 0;
}
const FIRST_UNGUARDED = /* @__PURE__ */ new WeakMap();
function firstUnguarded(context, setting, needsTimeout) {
  let bySetting = FIRST_UNGUARDED.get(context);
  if (!bySetting) {
    bySetting = /* @__PURE__ */ new Map();
    FIRST_UNGUARDED.set(context, bySetting);
  }
  const known = bySetting.get(setting);
  if (known !== void 0 && known <= context.index) return known;
  const replay = new ContextTracker({
    pgVersion: context.pgVersion,
    toolTransaction: context.toolTransaction,
    statements: context.statements
  });
  for (let index = 0; index <= context.index; index++) {
    const statement = context.statements[index];
    if (!statement?.ast) continue;
    const settings = replay.at(index, statement.autocommit === true);
    if (!settings[setting] && needsTimeout(index)) {
      bySetting.set(setting, index);
      return index;
    }
    replay.observe(statement.ast);
  }
  return -1;
}

function transactionStart(context) {
  const current = context.statements[context.index];
  for (let index = context.index - 1; index >= 0; index--) {
    const statement = context.statements[index];
    if (!statement || endsTransaction$1(statement) || beginsTransaction(statement)) return index + 1;
    if (statement.autocommit === true !== (current?.autocommit === true)) return index + 1;
  }
  return 0;
}
function heldFor(context) {
  let count = 0;
  for (let index = context.index + 1; index < context.statements.length; index++) {
    const statement = context.statements[index];
    if (!statement) break;
    if (endsTransaction$1(statement)) return { count, until: `the COMMIT at line ${statement.span.line}` };
    if (!context.explicitTransaction && statement.autocommit === true)
      return { count, until: `the end of the migration's transaction (line ${statement.span.line})` };
    if (!isHousekeeping(statement)) count++;
  }
  return {
    count,
    until: context.explicitTransaction ? "the end of the file (no COMMIT)" : "the end of the migration's transaction"
  };
}
const HELD = /* @__PURE__ */ new WeakMap();
function heldBefore(context, start) {
  let held = HELD.get(context);
  if (!held || held.start !== start || held.scannedTo > context.index) {
    held = { start, scannedTo: start, relations: /* @__PURE__ */ new Set() };
    HELD.set(context, held);
  }
  for (; held.scannedTo < context.index; held.scannedTo++)
    for (const effect of effectsAt(context, held.scannedTo))
      if (effect.lock === "AccessExclusiveLock") held.relations.add(effect.table);
  return held.relations;
}
const lockHeldAcrossStatements = {
  kind: "statement",
  meta: {
    id: "lock-held-across-statements",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "more statements run while an AccessExclusiveLock is held",
    lock: "AccessExclusiveLock"
  },
  check(_statement, context) {
    const effects = effectsAt(context);
    if (!context.inTransaction) return [];
    const exclusive = effects.filter((e) => e.lock === "AccessExclusiveLock" && onExistingRelation(e, context));
    if (exclusive.length === 0) return [];
    const held = heldBefore(context, transactionStart(context));
    const taken = exclusive.filter((effect) => !held.has(effect.table));
    if (taken.length === 0) return [];
    const { count, until } = heldFor(context);
    if (count === 0) return [];
    const relations = taken.map(relationLabel).join(", ");
    return [
      {
        message: `takes an AccessExclusiveLock on ${relations} and holds it while ${count} more statement${count > 1 ? "s run" : " runs"}, until ${until}: every read and write of ${relations} waits for all of them`,
        fix: "run this statement last in its transaction, or in a transaction (migration) of its own after `SET lock_timeout`"
      }
    ];
  }
};

function blockingEffects(context, index) {
  return effectsAt(context, index).filter((e) => blocksTraffic(e.lock) && onExistingRelation(e, context));
}
const missingLockTimeout = {
  kind: "statement",
  meta: {
    id: "missing-lock-timeout",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "lock that blocks reads or writes taken with no lock_timeout set",
    lock: null
  },
  check(_statement, context) {
    const blocking = blockingEffects(context, context.index);
    if (context.lockTimeoutSet) return [];
    const first = blocking[0];
    if (!first) return [];
    const unguarded = firstUnguarded(context, "lockTimeoutSet", (i) => blockingEffects(context, i).length > 0);
    if (unguarded !== context.index) return [];
    const others = blocking.length > 1 ? ` (and ${blocking.length - 1} more relation${blocking.length > 2 ? "s" : ""})` : "";
    return [
      {
        lock: first.lock,
        message: `takes ${lockWithBlocked(first.lock)} on ${relationLabel(first)}${others} with no lock_timeout set: if it waits behind a long-running query, every query on ${relationLabel(first)} queues behind it until it gets the lock and finishes`,
        fix: "start the migration with `SET lock_timeout = '5s';` (retry the migration if it times out)"
      }
    ];
  }
};

function longBlocking(context, index) {
  return effectsAt(context, index).filter(
    (e) => (e.scan || e.rewrite) && (blocksTraffic(e.lock) || e.lock === "RowExclusiveLock") && onExistingRelation(e, context)
  );
}
const missingStatementTimeout = {
  kind: "statement",
  meta: {
    id: "missing-statement-timeout",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "long-running blocking statement with no statement_timeout",
    lock: null
  },
  check(_statement, context) {
    const first = longBlocking(context, context.index)[0];
    if (context.statementTimeoutSet) return [];
    if (!first) return [];
    if (firstUnguarded(context, "statementTimeoutSet", (i) => longBlocking(context, i).length > 0) !== context.index)
      return [];
    const work = first.rewrite ? "rewrites" : "scans";
    const holding = first.lock === "RowExclusiveLock" ? "locking every row it changes (concurrent updates of those rows wait)" : `holding ${lockWithBlocked(first.lock)}`;
    return [
      {
        lock: first.lock,
        message: `${work} all of ${relationLabel(first)} while ${holding}, with no statement_timeout set: on a large table nothing bounds how long the table stays blocked`,
        fix: "set `SET statement_timeout = '\u2026';` sized to the table before it, or use the non-blocking form (CONCURRENTLY, NOT VALID + VALIDATE, batched updates)"
      }
    ];
  }
};

const LOOK_BACK = 100;
const STANDALONE = /* @__PURE__ */ new Set(["AT_AttachPartition", "AT_DetachPartition", "AT_DetachPartitionFinalize"]);
function combinableTable(statement) {
  const alter = as(statement?.ast, "AlterTableStmt");
  if (alter?.objtype !== "OBJECT_TABLE") return "";
  const subtypes = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")?.subtype ?? "");
  if (subtypes.length === 0 || subtypes.some((s) => STANDALONE.has(s))) return "";
  if (subtypes.every((s) => s === "AT_ValidateConstraint")) return "";
  return tableKey(alter.relation);
}
const MENTIONED = /* @__PURE__ */ new WeakMap();
function mentionedTables(ast) {
  let tables = MENTIONED.get(ast);
  if (tables) return tables;
  const found = /* @__PURE__ */ new Set();
  const visit = (value) => {
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value;
    if (typeof record.relname === "string") found.add(tableKey(record));
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  tables = found;
  MENTIONED.set(ast, tables);
  return tables;
}
function previousMergeable(context, index) {
  const current = context.statements[index];
  const table = combinableTable(current);
  if (!table) return -1;
  for (let earlier = index - 1; earlier >= Math.max(0, index - LOOK_BACK); earlier--) {
    const statement = context.statements[earlier];
    if (!statement?.ast || endsTransaction$1(statement) || beginsTransaction(statement)) return -1;
    if (statement.autocommit === true !== (current?.autocommit === true)) return -1;
    if (combinableTable(statement) === table) return earlier;
    if (mentionedTables(statement.ast).has(table)) return -1;
  }
  return -1;
}
const TABLE_PASS = /* @__PURE__ */ new WeakMap();
function tablePassAt(context, index, table) {
  let cache = TABLE_PASS.get(context);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    TABLE_PASS.set(context, cache);
  }
  let pass = cache.get(index);
  if (pass === void 0) {
    pass = needsTablePass(context, index, table);
    cache.set(index, pass);
  }
  return pass;
}
function needsTablePass(context, index, table) {
  const alter = as(context.statements[index]?.ast, "AlterTableStmt");
  if (!alter) return false;
  return (alter.cmds ?? []).some((node) => {
    const cmd = as(node, "AlterTableCmd");
    const column = as(cmd?.def, "ColumnDef");
    const constraint = as(cmd?.def, "Constraint");
    switch (cmd?.subtype) {
      case "AT_AlterColumnType": {
        const current = context.columnTypes.get(`${table}.${cmd.name}`);
        return typeChangeVerdict(current, column?.typeName, column?.raw_default, cmd.name ?? "") === "rewrite";
      }
      case "AT_SetNotNull":
        return !context.hasValidatedNotNullCheck(table, cmd.name ?? "");
      case "AT_AddConstraint":
        return (constraint?.contype === "CONSTR_CHECK" || constraint?.contype === "CONSTR_NOTNULL") && !constraint.skip_validation;
      case "AT_AddColumn": {
        const kinds = (column?.constraints ?? []).map((c) => as(c, "Constraint")?.contype);
        const verifies = kinds.includes("CONSTR_CHECK") || kinds.includes("CONSTR_NOTNULL") && !kinds.includes("CONSTR_DEFAULT");
        return verifies || rewritesAlone(context, alter, node, table);
      }
      default:
        return rewritesAlone(context, alter, node, table);
    }
  });
}
function rewritesAlone(context, alter, node, table) {
  const single = statementEffects({ AlterTableStmt: { ...alter, cmds: [node] } }, context.pgVersion, context);
  return single.some((e) => e.table === table && e.rewrite);
}
const multipleAlterSameTable = {
  kind: "statement",
  meta: {
    id: "multiple-alter-same-table",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "several ALTER TABLE statements on one table that could be one",
    lock: null
  },
  check(_statement, context) {
    const table = combinableTable(context.statements[context.index]);
    if (!table) return [];
    tablePassAt(context, context.index, table);
    if (context.isNewTable(table)) return [];
    const chain = [context.index];
    for (let index = previousMergeable(context, context.index); index >= 0; index = previousMergeable(context, index))
      chain.unshift(index);
    const costly = (first, second) => !context.inTransaction || tablePassAt(context, first, table) && tablePassAt(context, second, table);
    const firstPair = chain.findIndex((index, at) => at > 0 && costly(chain[at - 1], index));
    if (firstPair < 0 || chain[firstPair] !== context.index) return [];
    const previous = context.statements[chain[firstPair - 1]];
    const lock = strongest(
      effectsAt(context).filter((e) => e.table === table).map((e) => e.lock)
    );
    const cost = context.inTransaction ? "each one reads (or rewrites) every row of the table, where one statement checks and rewrites in a single pass" : "each statement waits for and takes its lock on the table again";
    return [
      {
        lock,
        message: `alters \`${table}\` again (the previous ALTER TABLE is at line ${previous?.span.line}): ${cost}`,
        fix: `combine them into one statement: \`ALTER TABLE ${table} <first change>, <second change>;\``
      }
    ];
  }
};

const refreshMatviewNonConcurrently = {
  kind: "statement",
  meta: {
    id: "refresh-matview-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const refresh = as(statement.ast, "RefreshMatViewStmt");
    if (!refresh || refresh.concurrent || refresh.skipData) return [];
    if (context.isNewTable(refresh.relation)) return [];
    const view = displayTable(refresh.relation);
    return [
      {
        message: `refreshes materialized view \`${view}\` without CONCURRENTLY: it takes an AccessExclusiveLock, so every SELECT on \`${view}\` waits until the whole query has run again`,
        fix: `give \`${view}\` a UNIQUE index (once), then use \`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}\`: its ExclusiveLock lets SELECTs continue`
      }
    ];
  }
};

const CONCURRENT_REINDEX_SINCE = 12;
const reindexNonConcurrently = {
  kind: "statement",
  meta: {
    id: "reindex-non-concurrently",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "REINDEX without CONCURRENTLY",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const reindex = as(statement.ast, "ReindexStmt");
    if (!reindex) return [];
    const concurrently = (reindex.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently");
    if (concurrently) return [];
    const target = describeTarget(reindex.kind, reindex.relation, reindex.name);
    if (reindex.kind === "REINDEX_OBJECT_TABLE" && context.isNewTable(reindex.relation)) return [];
    if (reindex.kind === "REINDEX_OBJECT_INDEX" && context.created.indexes.has(tableKey(reindex.relation))) return [];
    const blocks = `rebuilds ${target} under an AccessExclusiveLock on each index and a ShareLock on its table: writes block, and so do reads, since planning a query locks every index of the table`;
    if (reindex.kind === "REINDEX_OBJECT_SYSTEM") {
      return [
        {
          message: `${blocks}; system catalogs cannot be reindexed concurrently`,
          fix: "run REINDEX SYSTEM by hand in a maintenance window, not in a migration"
        }
      ];
    }
    if (context.pgVersion < CONCURRENT_REINDEX_SINCE) {
      return [
        {
          message: `${blocks}; PostgreSQL ${context.pgVersion} has no REINDEX CONCURRENTLY`,
          fix: "build a replacement with CREATE INDEX CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename the new one"
        }
      ];
    }
    return [
      {
        message: blocks,
        fix: "use `REINDEX \u2026 CONCURRENTLY` (PostgreSQL 12+) in a migration that runs outside a transaction"
      }
    ];
  }
};
function describeTarget(kind, relation, name) {
  switch (kind) {
    case "REINDEX_OBJECT_INDEX":
      return `index \`${displayTable(relation)}\``;
    case "REINDEX_OBJECT_TABLE":
      return `every index of \`${displayTable(relation)}\``;
    case "REINDEX_OBJECT_SCHEMA":
      return `every index in schema \`${name ?? ""}\``;
    case "REINDEX_OBJECT_SYSTEM":
      return "every system catalog index";
    default:
      return `every index in database \`${name ?? "(current)"}\``;
  }
}

const CHECK_PROOF_SINCE = 12;
const setNotNull = {
  kind: "statement",
  meta: {
    id: "set-not-null",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "SET NOT NULL on an existing column without a validated IS NOT NULL check",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = tableKey(alter.relation);
    const columns = [];
    for (const node of alter.cmds ?? []) {
      const column2 = notNullColumn(as(node, "AlterTableCmd"));
      if (!column2 || context.created.columns.has(`${table}.${column2}`)) continue;
      if (hasValidatedNotNullConstraint(context, table, column2)) continue;
      const checked = context.hasValidatedNotNullCheck(table, column2);
      if (checked && context.pgVersion >= CHECK_PROOF_SINCE) continue;
      columns.push(column2);
    }
    if (columns.length === 0) return [];
    const display = displayTable(alter.relation);
    const targets = columns.map((c) => `\`${display}.${c}\``).join(", ");
    const scan = `sets ${targets} NOT NULL: every row is scanned for NULLs while an AccessExclusiveLock blocks all reads and writes of \`${display}\``;
    const column = columns.length === 1 ? columns[0] : "<col>";
    const each = columns.length === 1 ? "" : "for each column, ";
    if (context.pgVersion < CHECK_PROOF_SINCE) {
      return [
        {
          message: `${scan}; before PostgreSQL 12 even a validated CHECK (\u2026 IS NOT NULL) does not avoid the scan`,
          fix: `${each}keep a validated \`CHECK (${column} IS NOT NULL)\` (added NOT VALID, then VALIDATE CONSTRAINT) instead of SET NOT NULL until PostgreSQL 12+`
        }
      ];
    }
    return [
      {
        message: scan,
        fix: `${each}first \`ADD CONSTRAINT ${column}_not_null CHECK (${column} IS NOT NULL) NOT VALID\`, then \`VALIDATE CONSTRAINT ${column}_not_null\` in a separate transaction; SET NOT NULL then skips the scan`
      }
    ];
  }
};
function notNullColumn(cmd) {
  if (cmd?.subtype === "AT_SetNotNull") return cmd.name;
  const constraint = as(cmd?.def, "Constraint");
  if (cmd?.subtype === "AT_AddConstraint" && constraint?.contype === "CONSTR_NOTNULL" && !constraint.skip_validation)
    return str(constraint.keys?.[0]);
  return void 0;
}
function hasValidatedNotNullConstraint(context, table, column) {
  const pending = /* @__PURE__ */ new Set();
  for (const earlier of context.statements.slice(0, context.index)) {
    const alter = as(earlier.ast, "AlterTableStmt");
    if (!alter || tableKey(alter.relation) !== table) continue;
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const constraint = as(cmd?.def, "Constraint");
      if (cmd?.subtype === "AT_AddConstraint" && constraint?.contype === "CONSTR_NOTNULL") {
        if (str(constraint.keys?.[0]) !== column) continue;
        if (!constraint.skip_validation) return true;
        if (constraint.conname) pending.add(constraint.conname);
      }
      if (cmd?.subtype === "AT_ValidateConstraint" && cmd.name && pending.has(cmd.name)) return true;
    }
  }
  return false;
}

const ALTER_REWRITES = {
  AT_SetTableSpace: "SET TABLESPACE",
  AT_SetLogged: "SET LOGGED",
  AT_SetUnLogged: "SET UNLOGGED",
  AT_SetAccessMethod: "SET ACCESS METHOD"
};
const REPACK_FIX = "rebuild online with pg_repack or pg_squeeze instead (they copy the table and swap it in with a brief lock)";
const tableRewriteCommand = {
  kind: "statement",
  meta: {
    id: "table-rewrite-command",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "VACUUM FULL, CLUSTER, SET TABLESPACE / LOGGED / UNLOGGED: a rewrite under AccessExclusiveLock",
    lock: "AccessExclusiveLock"
  },
  check(statement, context) {
    const ast = statement.ast;
    const command = as(ast, "VacuumStmt") ? "VACUUM FULL" : as(ast, "ClusterStmt") ? "CLUSTER" : void 0;
    if (command) {
      return effectsAt(context).filter((effect) => effect.rewrite && onExistingRelation(effect, context)).map((effect) => ({
        message: `${command} rewrites ${relationLabel(effect)} into a new file under an AccessExclusiveLock: no reads or writes until the copy and its index rebuilds finish`,
        fix: REPACK_FIX
      }));
    }
    const moveAll = as(ast, "AlterTableMoveAllStmt");
    if (moveAll) {
      return [
        {
          message: `moves every relation of tablespace \`${moveAll.orig_tablespacename}\` to \`${moveAll.new_tablespacename}\`: each is copied under an AccessExclusiveLock, blocking its reads and writes`,
          fix: "move tables one at a time in a maintenance window, or rebuild them online with pg_repack --tablespace"
        }
      ];
    }
    const alter = as(ast, "AlterTableStmt");
    if (!alter) return [];
    const isIndex = alter.objtype === "OBJECT_INDEX";
    const name = displayTable(alter.relation);
    if (isIndex ? context.created.indexes.has(name) : context.isNewTable(alter.relation)) return [];
    const hits = [];
    for (const node of alter.cmds ?? []) {
      const subtype = as(node, "AlterTableCmd")?.subtype ?? "";
      const form = ALTER_REWRITES[subtype];
      if (!form) continue;
      const what = isIndex ? `index \`${name}\`` : `\`${name}\``;
      hits.push({
        message: `${form} rewrites ${what} into a new file under an AccessExclusiveLock: ${isIndex ? "queries that use the index" : "reads and writes"} wait until the copy finishes`,
        fix: subtype === "AT_SetLogged" || subtype === "AT_SetUnLogged" ? "create the table with the persistence it needs, or copy the data into a new table and swap names in a short transaction" : subtype === "AT_SetTableSpace" ? "move it online with pg_repack --tablespace, or during a maintenance window" : REPACK_FIX
      });
    }
    return hits;
  }
};

const rules$3 = [
  createIndexNonConcurrently,
  dropIndexNonConcurrently,
  reindexNonConcurrently,
  addForeignKeyValidating,
  addCheckValidating,
  addUniqueConstraint,
  addPrimaryKey,
  addExclusionConstraint,
  setNotNull,
  addColumnVolatileDefault,
  addRequiredColumn,
  addGeneratedColumn,
  changeColumnType,
  addJsonColumn,
  tableRewriteCommand,
  detachPartitionNonConcurrently,
  refreshMatviewNonConcurrently,
  domainWithConstraint,
  enumValueOrdering,
  missingLockTimeout,
  missingStatementTimeout,
  lockHeldAcrossStatements,
  multipleAlterSameTable,
  foreignKeyWithoutIndex
];

function declaredColumns(ast) {
  const out = [];
  const create = as(ast, "CreateStmt");
  if (create) {
    for (const element of create.tableElts ?? []) {
      const column = as(element, "ColumnDef");
      if (column) out.push({ table: create.relation, column, via: "create" });
    }
  }
  const alter = as(ast, "AlterTableStmt");
  if (alter) {
    for (const node of alter.cmds ?? []) {
      const cmd = as(node, "AlterTableCmd");
      const column = as(cmd?.def, "ColumnDef");
      if (!cmd || !column) continue;
      if (cmd.subtype === "AT_AddColumn") out.push({ table: alter.relation, column, via: "add" });
      if (cmd.subtype === "AT_AlterColumnType") {
        out.push({ table: alter.relation, column: { ...column, colname: cmd.name }, via: "alter-type" });
      }
    }
  }
  return out;
}
function columnLabel(declaration) {
  const table = declaration.table?.relname;
  return table ? `${table}.${declaration.column.colname}` : declaration.column.colname ?? "";
}

const banChar = {
  kind: "statement",
  meta: {
    id: "ban-char",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "char(n) column",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => typeBase(column.typeName) === "bpchar").map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is char(${typeMods(declaration.column.typeName)[0] ?? 1}): values are blank-padded to the length, trailing spaces are ignored in comparisons, and it is no faster than text`,
      fix: "use text (with a CHECK on the length if it matters)"
    }));
  }
};

const duplicateColumnAssignment = {
  kind: "statement",
  meta: {
    id: "duplicate-column-assignment",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "UPDATE \u2026 SET a = 1, a = 2",
    lock: null
  },
  check(statement) {
    const update = as(statement.ast, "UpdateStmt");
    const insert = as(statement.ast, "InsertStmt");
    const targets = update?.targetList ?? insert?.cols ?? [];
    const seen = /* @__PURE__ */ new Set();
    const duplicates = /* @__PURE__ */ new Set();
    for (const target of targets) {
      const name = as(target, "ResTarget")?.name;
      if (!name) continue;
      if (seen.has(name)) duplicates.add(name);
      seen.add(name);
    }
    return [...duplicates].map((name) => ({
      message: `column \`${name}\` is assigned more than once; PostgreSQL rejects the statement ("multiple assignments to same column")`,
      fix: `keep one assignment to \`${name}\``
    }));
  }
};

const MAX_IDENTIFIER_BYTES = 63;
const LONG_WORD = /[^\s,;()=<>'"]{22,}|"[^"]{22,}"/;
const identifierTooLong = {
  kind: "statement",
  meta: {
    id: "identifier-too-long",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "identifier over 63 bytes (silently truncated)",
    lock: null
  },
  check(statement) {
    if (!LONG_WORD.test(statement.sql)) return [];
    const long = /* @__PURE__ */ new Set();
    for (const token of scanSync(statement.sql).tokens) {
      if (token.tokenName !== "IDENT") continue;
      const name = token.text.startsWith('"') ? token.text.slice(1, -1).replaceAll('""', '"') : token.text.toLowerCase();
      if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) long.add(name);
    }
    return [...long].map((name) => ({
      message: `identifier \`${name}\` is ${Buffer.byteLength(name, "utf8")} bytes; PostgreSQL keeps only the first 63, so code that uses the full name will not find it`,
      fix: "shorten the name to 63 bytes or fewer"
    }));
  }
};

const SMALL_INTEGERS = {
  int2: { name: "smallint", max: "32,767" },
  int4: { name: "integer", max: "2,147,483,647" },
  serial: { name: "serial", max: "2,147,483,647" },
  smallserial: { name: "smallserial", max: "32,767" }
};
function isIdColumn(column) {
  const name = column.colname ?? "";
  const kinds = (column.constraints ?? []).map((c) => as(c, "Constraint")?.contype);
  return kinds.includes("CONSTR_PRIMARY") || kinds.includes("CONSTR_IDENTITY") || name === "id" || name.endsWith("_id");
}
const preferBigint = {
  kind: "statement",
  meta: {
    id: "prefer-bigint",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "int/smallint id columns that can overflow",
    lock: null
  },
  check(statement) {
    const hits = [];
    for (const declaration of declaredColumns(statement.ast)) {
      const small = SMALL_INTEGERS[typeBase(declaration.column.typeName)];
      if (!small || !(isIdColumn(declaration.column) || small.name.includes("serial"))) continue;
      hits.push({
        message: `\`${columnLabel(declaration)}\` is a ${small.name} id: it overflows at ${small.max}, and widening it later rewrites the table and every column that references it`,
        fix: "use bigint (bigint GENERATED ALWAYS AS IDENTITY for keys) for ids and for the columns that reference them"
      });
    }
    return hits;
  }
};

const SERIALS = /* @__PURE__ */ new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);
const preferIdentity = {
  kind: "statement",
  meta: {
    id: "prefer-identity",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "serial instead of an identity column",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => SERIALS.has(typeBase(column.typeName))).map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is ${typeBase(declaration.column.typeName)}: its sequence needs separate grants, is not copied by CREATE TABLE \u2026 LIKE, and lets inserts bypass it`,
      fix: "use `bigint GENERATED ALWAYS AS IDENTITY` (or BY DEFAULT when the app sets ids itself)"
    }));
  }
};

const preferRobustStatements = {
  kind: "statement",
  meta: {
    id: "prefer-robust-statements",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "missing IF [NOT] EXISTS where a rerun would fail",
    lock: null
  },
  check(statement, context) {
    if (context.inTransaction) return [];
    const ast = statement.ast;
    const hit = (what, fix) => [
      { message: `${what} fails if the migration stopped part way and is run again`, fix }
    ];
    const create = as(ast, "CreateStmt");
    if (create && !create.if_not_exists) {
      return hit(`CREATE TABLE ${displayTable(create.relation)}`, "write CREATE TABLE IF NOT EXISTS");
    }
    const index = as(ast, "IndexStmt");
    if (index && !index.if_not_exists) {
      const name = index.idxname ? ` ${index.idxname}` : " (unnamed)";
      const fix = index.idxname ? "write CREATE INDEX [CONCURRENTLY] IF NOT EXISTS; after a failed CONCURRENTLY build, drop the INVALID index first" : "name the index and write IF NOT EXISTS";
      return hit(`CREATE INDEX${name}`, fix);
    }
    const drop = as(ast, "DropStmt");
    if (drop && !drop.missing_ok) {
      return hit(`DROP ${(drop.removeType ?? "").replace("OBJECT_", "")}`, "write DROP \u2026 IF EXISTS");
    }
    const alter = as(ast, "AlterTableStmt");
    if (alter) {
      for (const node of alter.cmds ?? []) {
        const cmd = as(node, "AlterTableCmd");
        if (cmd?.subtype === "AT_AddColumn" && !cmd.missing_ok) {
          return hit(`ADD COLUMN ${as(cmd.def, "ColumnDef")?.colname ?? ""}`, "write ADD COLUMN IF NOT EXISTS");
        }
        if (cmd?.subtype === "AT_DropColumn" && !cmd.missing_ok) {
          return hit(`DROP COLUMN ${cmd.name}`, "write DROP COLUMN IF EXISTS");
        }
        if (cmd?.subtype === "AT_DropConstraint" && !cmd.missing_ok) {
          return hit(`DROP CONSTRAINT ${cmd.name}`, "write DROP CONSTRAINT IF EXISTS");
        }
      }
    }
    return [];
  }
};

const preferText = {
  kind: "statement",
  meta: {
    id: "prefer-text",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "varchar(n) instead of text with a CHECK",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => typeBase(column.typeName) === "varchar" && typeMods(column.typeName).length > 0).map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is varchar(${typeMods(declaration.column.typeName)[0]}): changing the limit later locks the table (AccessExclusiveLock), and lowering it rewrites or scans it`,
      fix: "use text with a CHECK (char_length(col) <= n) constraint, which can be replaced NOT VALID without a rewrite"
    }));
  }
};

const preferTimestamptz = {
  kind: "statement",
  meta: {
    id: "prefer-timestamptz",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "timestamp without time zone",
    lock: null
  },
  check(statement) {
    return declaredColumns(statement.ast).filter(({ column }) => typeBase(column.typeName) === "timestamp").map((declaration) => ({
      message: `\`${columnLabel(declaration)}\` is timestamp without time zone: it stores wall-clock time with no zone, so values are read differently by clients in other zones and across DST`,
      fix: "use timestamptz (timestamp with time zone); converting later is a rewrite unless the session TimeZone is UTC on PostgreSQL 12+"
    }));
  }
};

function namedTables(ast) {
  const relation = (rel) => rel?.relname ? [{ schema: rel.schemaname, name: rel.relname }] : [];
  const create = as(ast, "CreateStmt");
  if (create) return relation(create.relation);
  const alter = as(ast, "AlterTableStmt");
  if (alter) return relation(alter.relation);
  const index = as(ast, "IndexStmt");
  if (index) return relation(index.relation);
  const rename = as(ast, "RenameStmt");
  if (rename) return relation(rename.relation);
  const drop = as(ast, "DropStmt");
  if (drop?.removeType === "OBJECT_TABLE") {
    return (drop.objects ?? []).map((object) => {
      const names = nameList(as(object, "List")?.items);
      return { schema: names.length > 1 ? names.at(-2) : void 0, name: names.at(-1) ?? "" };
    });
  }
  return [];
}
const requireSchemaQualified = {
  kind: "statement",
  meta: {
    id: "require-schema-qualified",
    category: "style",
    severity: "info",
    enabledByDefault: false,
    summary: "unqualified table names",
    lock: null
  },
  check(statement) {
    return namedTables(statement.ast).filter((table) => !table.schema).map((table) => ({
      message: `\`${table.name}\` has no schema: it resolves through search_path, which can differ between the migration tool's session and the app`,
      fix: `write the schema, e.g. \`public.${table.name}\``
    }));
  }
};

const rules$2 = [
  preferRobustStatements,
  preferBigint,
  preferIdentity,
  preferText,
  preferTimestamptz,
  banChar,
  identifierTooLong,
  requireSchemaQualified,
  duplicateColumnAssignment
];

const irreversible = {
  kind: "reported",
  meta: {
    id: "irreversible",
    category: "trace",
    severity: "warning",
    enabledByDefault: true,
    summary: "the migration loses data or state no rollback can restore",
    lock: null
  }
};

const migrationFails = {
  kind: "reported",
  meta: {
    id: "migration-fails",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement errors when replayed on the embedded PostgreSQL, with PostgreSQL's own message",
    lock: null
  }
};

const observedBlockingLock = {
  kind: "reported",
  meta: {
    id: "observed-blocking-lock",
    category: "trace",
    severity: "warning",
    enabledByDefault: true,
    summary: "a lock that blocks reads or writes was taken on an existing table, and held for so many statements",
    lock: null
  }
};

const observedRewrite = {
  kind: "reported",
  meta: {
    id: "observed-rewrite",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a table or index was rewritten on the embedded PostgreSQL (its relfilenode changed)",
    lock: "AccessExclusiveLock"
  }
};

const rollbackFails = {
  kind: "reported",
  meta: {
    id: "rollback-fails",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "the rollback (generated or the author's) errors when applied after the migration",
    lock: null
  }
};

const rollbackMismatch = {
  kind: "reported",
  meta: {
    id: "rollback-mismatch",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "after the migration and its rollback the schema differs from before",
    lock: null
  }
};

const rules$1 = [
  migrationFails,
  observedRewrite,
  observedBlockingLock,
  rollbackFails,
  rollbackMismatch,
  irreversible
];

const concurrentlyInTransaction = {
  kind: "statement",
  meta: {
    id: "concurrently-in-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "CONCURRENTLY (or another no-transaction command) inside a transaction: it fails",
    lock: null
  },
  check(statement, context) {
    if (!context.inTransaction) return [];
    const command = refusedInTransaction(statement.ast, context);
    if (!command) return [];
    const begin = openingBegin(context);
    const where = begin !== void 0 ? `inside the transaction opened by BEGIN at line ${begin}` : "inside the transaction the migration tool wraps this migration in";
    return [
      {
        message: `${command} cannot run inside a transaction block, and this one runs ${where}: PostgreSQL rejects it and the migration fails`,
        fix: "run it outside a transaction: in its own migration with the tool's transaction turned off (Alembic autocommit_block(), `transactional: false`), with no BEGIN around it"
      }
    ];
  }
};
function refusedInTransaction(ast, context) {
  if (as(ast, "IndexStmt")?.concurrent) return "CREATE INDEX CONCURRENTLY";
  const drop = as(ast, "DropStmt");
  if (drop?.concurrent) return "DROP INDEX CONCURRENTLY";
  const reindex = as(ast, "ReindexStmt");
  if (reindex) {
    if ((reindex.params ?? []).some((p) => as(p, "DefElem")?.defname === "concurrently" && optionOn(p)))
      return "REINDEX CONCURRENTLY";
    if (reindex.kind === "REINDEX_OBJECT_SCHEMA") return "REINDEX SCHEMA";
    if (reindex.kind === "REINDEX_OBJECT_DATABASE") return "REINDEX DATABASE";
    if (reindex.kind === "REINDEX_OBJECT_SYSTEM") return "REINDEX SYSTEM";
    return void 0;
  }
  const alter = as(ast, "AlterTableStmt");
  if (alter) {
    const detaching = (alter.cmds ?? []).some((node) => {
      const cmd = as(node, "AlterTableCmd");
      return cmd?.subtype === "AT_DetachPartition" && as(cmd.def, "PartitionCmd")?.concurrent === true;
    });
    return detaching ? "DETACH PARTITION CONCURRENTLY" : void 0;
  }
  const alterEnum = as(ast, "AlterEnumStmt");
  if (alterEnum?.newVal && !alterEnum.oldVal && context.pgVersion < 12) {
    const type = objectKey(nameList(alterEnum.typeName));
    if (!createdInCurrentTransaction(type, context)) return `ALTER TYPE \u2026 ADD VALUE (PostgreSQL ${context.pgVersion})`;
    return void 0;
  }
  if (as(ast, "VacuumStmt")?.is_vacuumcmd) return "VACUUM";
  if (as(ast, "CreatedbStmt")) return "CREATE DATABASE";
  if (as(ast, "DropdbStmt")) return "DROP DATABASE";
  if (as(ast, "CreateTableSpaceStmt")) return "CREATE TABLESPACE";
  if (as(ast, "DropTableSpaceStmt")) return "DROP TABLESPACE";
  if (as(ast, "AlterSystemStmt")) return "ALTER SYSTEM";
  const cluster = as(ast, "ClusterStmt");
  if (cluster && !cluster.relation) return "CLUSTER without a table name";
  const database = as(ast, "AlterDatabaseStmt");
  if (database?.options?.some((o) => as(o, "DefElem")?.defname === "tablespace"))
    return "ALTER DATABASE \u2026 SET TABLESPACE";
  const subscription = as(ast, "CreateSubscriptionStmt");
  if (subscription) {
    const createSlot = subscription.options?.find((o) => as(o, "DefElem")?.defname === "create_slot");
    return !createSlot || optionOn(createSlot) ? "CREATE SUBSCRIPTION (creating a replication slot)" : void 0;
  }
  return void 0;
}
function optionOn(node) {
  const arg = as(node, "DefElem")?.arg;
  if (!arg) return true;
  const value = constValue(arg);
  return value === true || value === 1 || ["true", "on", "1", "yes"].includes(String(value).toLowerCase());
}
function openingBegin(context) {
  if (!context.explicitTransaction) return void 0;
  for (let i = context.index - 1; i >= 0; i--) {
    const kind = as(context.statements[i]?.ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return context.statements[i]?.span.line;
  }
  return void 0;
}
function createdInCurrentTransaction(type, context) {
  for (let i = context.index - 1; i >= 0; i--) {
    const ast = context.statements[i]?.ast;
    const kind = as(ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") return false;
    const create = as(ast, "CreateEnumStmt");
    if (create && objectKey(nameList(create.typeName)) === type) return true;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return false;
  }
  return false;
}

const NOT_A_USE = /* @__PURE__ */ new Set(["AlterEnumStmt", "CreateEnumStmt", "TransactionStmt", "VariableSetStmt", "CommentStmt"]);
const enumAddValueInTransaction = {
  kind: "statement",
  meta: {
    id: "enum-add-value-in-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "ALTER TYPE \u2026 ADD VALUE, then the new value used in the same transaction",
    lock: null
  },
  check(statement, context) {
    if (context.pgVersion < 12 || !context.inTransaction || NOT_A_USE.has(statement.kind)) return [];
    const hits = [];
    for (const [type, values] of context.enumValuesAdded) {
      if (context.pgVersion >= 17 && typeCreatedInTransaction(type, context)) continue;
      for (const value of values) {
        if (!usesValue(statement.ast, type, value, context)) continue;
        const line = addedAt(type, value, context);
        hits.push({
          message: `uses '${value}', added to enum \`${type}\`${line ? ` at line ${line}` : ""} in the same transaction: PostgreSQL rejects it with "unsafe use of new value" until the ADD VALUE commits, so the migration fails`,
          fix: "commit between them: ADD VALUE in one migration (or before a COMMIT / in an autocommit block), use the value in the next"
        });
      }
    }
    return hits;
  }
};
function usesValue(ast, type, value, context) {
  const cleared = /* @__PURE__ */ new Set();
  let used = false;
  const literal = (node) => {
    const payload = as(node, "A_Const");
    return payload && constValue(node) === value ? payload : void 0;
  };
  const typed = (node, columnType2) => {
    const payload = literal(node);
    if (!payload || !columnType2) return;
    if (objectKey(nameList(columnType2.names)) === type) used = true;
    else cleared.add(payload);
  };
  const columnType = (relation, column) => relation && column ? context.columnTypes.get(`${tableKey(relation)}.${column}`) : void 0;
  const main = mainRelation(ast);
  const refType = (node) => {
    const fields = nameList(as(node, "ColumnRef")?.fields);
    if (fields.length === 1) return columnType(main, fields[0]);
    if (fields.length === 2) return context.columnTypes.get(`${fields[0]}.${fields[1]}`);
    return void 0;
  };
  walk([ast], (tag, node) => {
    if (tag === "TypeCast") {
      const cast = node;
      if (objectKey(nameList(cast.typeName?.names)) === type && literal(innermost(cast.arg))) used = true;
      else typed(cast.arg, cast.typeName);
    } else if (tag === "ColumnDef") {
      const column = node;
      for (const constraint of column.constraints ?? []) typed(as(constraint, "Constraint")?.raw_expr, column.typeName);
      typed(column.raw_default, column.typeName);
    } else if (tag === "A_Expr") {
      const expr = node;
      const right = as(expr.rexpr, "List")?.items ?? [expr.rexpr];
      for (const item of right) typed(item, refType(expr.lexpr));
      typed(expr.lexpr, refType(expr.rexpr));
    } else if (tag === "UpdateStmt") {
      const update = node;
      for (const target of update.targetList ?? []) {
        const res = as(target, "ResTarget");
        typed(res?.val, columnType(update.relation, res?.name));
      }
    } else if (tag === "InsertStmt") {
      const insert = node;
      const columns = (insert.cols ?? []).map((c) => as(c, "ResTarget")?.name);
      for (const row of as(insert.selectStmt, "SelectStmt")?.valuesLists ?? [])
        (as(row, "List")?.items ?? []).forEach((item, i) => {
          typed(item, columnType(insert.relation, columns[i]));
        });
    } else if (tag === "AlterTableCmd") {
      const cmd = node;
      if (cmd.subtype === "AT_ColumnDefault") typed(cmd.def, columnType(as(ast, "AlterTableStmt")?.relation, cmd.name));
    } else if (tag === "A_Const") {
      if (!cleared.has(node) && constValue({ A_Const: node }) === value) used = true;
    } else if (tag === "CreateFunctionStmt" || tag === "DoStmt") {
      if (bodyMentions(node, value)) used = true;
    }
  });
  return used;
}
function innermost(node) {
  const cast = as(node, "TypeCast");
  return cast ? innermost(cast.arg) : node;
}
function mainRelation(ast) {
  const target = as(ast, "UpdateStmt")?.relation ?? as(ast, "DeleteStmt")?.relation ?? as(ast, "InsertStmt")?.relation ?? as(ast, "AlterTableStmt")?.relation ?? as(ast, "IndexStmt")?.relation;
  if (target) return target;
  const from = as(ast, "SelectStmt")?.fromClause ?? [];
  return from.length === 1 ? as(from[0], "RangeVar") : void 0;
}
function bodyMentions(node, value) {
  const options = node.options ?? node.args ?? [];
  const language = options.map((o) => as(o, "DefElem")).find((d) => d?.defname === "language");
  const isSql = String(constValue(language?.arg) ?? "").toLowerCase() === "sql";
  if ("funcname" in node && !isSql) return false;
  const body = options.map((o) => as(o, "DefElem")).filter((d) => d?.defname === "as").flatMap((d) => (as(d?.arg, "List")?.items ?? [d?.arg]).map((item) => String(constValue(item) ?? ""))).join("\n");
  return body.includes(`'${value.replaceAll("'", "''")}'`);
}
function typeCreatedInTransaction(type, context) {
  for (let i = context.index - 1; i >= 0; i--) {
    const ast = context.statements[i]?.ast;
    const create = as(ast, "CreateEnumStmt");
    if (create && objectKey(nameList(create.typeName)) === type) return true;
    const kind = as(ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START" || kind === "TRANS_STMT_COMMIT") return false;
  }
  return false;
}
function addedAt(type, value, context) {
  for (let i = context.index - 1; i >= 0; i--) {
    const alter = as(context.statements[i]?.ast, "AlterEnumStmt");
    if (alter?.newVal === value && !alter.oldVal && objectKey(nameList(alter.typeName)) === type)
      return context.statements[i]?.span.line;
  }
  return void 0;
}

const nestedTransaction = {
  kind: "statement",
  meta: {
    id: "nested-transaction",
    category: "transactions",
    severity: "warning",
    enabledByDefault: true,
    summary: "BEGIN/COMMIT inside a transaction that is already open (the tool's or an earlier BEGIN)",
    lock: null
  },
  check(statement, context) {
    const kind = as(statement.ast, "TransactionStmt")?.kind;
    const toolWraps = statement.autocommit !== true && toolTransactionOpen(context);
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
      if (context.explicitTransaction) {
        const outer = outerBegin(context);
        return [
          {
            message: `BEGIN inside the transaction already opened${outer ? ` at line ${outer}` : ""}: PostgreSQL ignores it with a warning, and the first COMMIT ends the outer transaction too`,
            fix: "remove the inner BEGIN (use SAVEPOINT for a nested unit of work)"
          }
        ];
      }
      if (toolWraps)
        return [
          {
            message: "BEGIN inside a migration the tool already runs in a transaction: PostgreSQL ignores it with a warning, and the COMMIT that follows commits the tool's transaction early, so later statements (and the tool's own version bookkeeping) run outside it",
            fix: "remove BEGIN/COMMIT and let the tool's transaction cover the migration, or turn the tool's transaction off for this migration"
          }
        ];
      return [];
    }
    const ends = kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK";
    if (ends && toolWraps && !context.explicitTransaction) {
      const verb = kind === "TRANS_STMT_COMMIT" ? "COMMIT commits" : "ROLLBACK rolls back";
      return [
        {
          message: `${verb} the transaction the migration tool opened, part-way through the migration: later statements (and the tool's own version bookkeeping) run outside any transaction, and the tool's final COMMIT finds none`,
          fix: "remove it and let the tool's transaction cover the migration, or turn the tool's transaction off for this migration"
        }
      ];
    }
    return [];
  }
};
function toolTransactionOpen(context) {
  if (!context.toolTransaction) return false;
  const end = firstEnd(context.statements);
  return end === void 0 || end >= context.index;
}
const FIRST_END = /* @__PURE__ */ new WeakMap();
function firstEnd(statements) {
  if (FIRST_END.has(statements)) return FIRST_END.get(statements);
  const index = statements.findIndex((statement) => {
    const transaction = as(statement.ast, "TransactionStmt");
    const ends = transaction?.kind === "TRANS_STMT_COMMIT" || transaction?.kind === "TRANS_STMT_ROLLBACK";
    return ends && !transaction?.chain && statement.autocommit !== true;
  });
  const end = index >= 0 ? index : void 0;
  FIRST_END.set(statements, end);
  return end;
}
function outerBegin(context) {
  let line;
  for (let i = context.index - 1; i >= 0; i--) {
    const kind = as(context.statements[i]?.ast, "TransactionStmt")?.kind;
    if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") break;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") line = context.statements[i]?.span.line;
  }
  return line;
}

const UNENDED = /* @__PURE__ */ new WeakMap();
const uncommittedTransaction = {
  kind: "statement",
  meta: {
    id: "uncommitted-transaction",
    category: "transactions",
    severity: "error",
    enabledByDefault: true,
    summary: "BEGIN with no COMMIT or ROLLBACK before the end of the migration",
    lock: null
  },
  check(statement, context) {
    if (!isBegin(statement.ast) || unendedBegin(context.statements) !== context.index) return [];
    if (context.toolTransaction && statement.autocommit !== true)
      return [
        {
          message: "this BEGIN is never ended in the migration: it relies on the migration tool's own COMMIT to end it, which tools that send the file as one script (Prisma, golang-migrate) do not issue, leaving the changes uncommitted and their locks held",
          fix: "drop the BEGIN (the tool already runs the migration in a transaction), or end it with COMMIT;",
          severity: "warning"
        }
      ];
    return [
      {
        message: "this BEGIN is never ended: no COMMIT or ROLLBACK follows it in the migration, so its changes stay uncommitted and its locks held until the connection closes and PostgreSQL rolls them back",
        fix: "add COMMIT; at the end of the migration"
      }
    ];
  }
};
function unendedBegin(statements) {
  if (UNENDED.has(statements)) return UNENDED.get(statements);
  let opener;
  for (const [index, { ast }] of statements.entries()) {
    const transaction = as(ast, "TransactionStmt");
    if (isBegin(ast) && opener === void 0) opener = index;
    else if (endsTransaction(transaction?.kind) && !transaction?.chain) opener = void 0;
  }
  UNENDED.set(statements, opener);
  return opener;
}
function isBegin(ast) {
  const kind = as(ast, "TransactionStmt")?.kind;
  return kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START";
}
function endsTransaction(kind) {
  return kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK" || kind === "TRANS_STMT_PREPARE";
}

const rules = [
  concurrentlyInTransaction,
  uncommittedTransaction,
  nestedTransaction,
  enumAddValueInTransaction
];

const ALL_RULES = [
  ...rules$6,
  ...rules$3,
  ...rules$7,
  ...rules,
  ...rules$2,
  ...rules$5,
  ...rules$1,
  ...rules$4
];
const STATEMENT_RULES = ALL_RULES.filter((r) => r.kind === "statement");
const HISTORY_RULES = ALL_RULES.filter((r) => r.kind === "history");
const BY_ID = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));
function ruleMeta(id) {
  return BY_ID.get(id);
}
function ruleDocsPath(id) {
  return `docs/rules/${id}.md`;
}

function analyzeMigrations(targets, options, history = targets) {
  const findings = [];
  const prCreated = emptyCreatedObjects();
  const knowledge = {
    columnTypes: /* @__PURE__ */ new Map(),
    enumLabels: /* @__PURE__ */ new Map(),
    indexTables: /* @__PURE__ */ new Map(),
    foreignKeys: /* @__PURE__ */ new Map()
  };
  const targetSet = new Set(targets);
  for (const migration of [...history, ...targets.filter((t) => !history.includes(t))]) {
    if (!targetSet.has(migration)) {
      observeOnly(migration, options.pgVersion, knowledge);
      continue;
    }
    const created = migration.change === "added" ? prCreated : cloneCreated(prCreated);
    findings.push(
      ...analyzeStatements(migration.statements, {
        ...options,
        ...knowledge,
        toolTransaction: migration.transactional,
        created,
        migration: migration.id
      })
    );
    findings.push(...migration.problems.map((p) => problemFinding(p, options.settings, migration.id)));
  }
  return findings;
}
function observeOnly(migration, pgVersion, knowledge) {
  const tracker = new ContextTracker({
    pgVersion,
    toolTransaction: migration.transactional,
    statements: migration.statements,
    ...knowledge
  });
  migration.statements.forEach((statement, index) => {
    tracker.at(index, statement.autocommit === true);
    if (statement.ast) tracker.observe(statement.ast);
  });
}
function analyzeStatements(statements, options) {
  const findings = [];
  const tracker = new ContextTracker({
    pgVersion: options.pgVersion,
    toolTransaction: options.toolTransaction,
    statements,
    created: options.created,
    columnTypes: options.columnTypes,
    enumLabels: options.enumLabels,
    indexTables: options.indexTables,
    foreignKeys: options.foreignKeys
  });
  statements.forEach((statement, index) => {
    const context = tracker.at(index, statement.autocommit === true);
    statement.inTransaction = context.inTransaction;
    if (!statement.ast) return;
    for (const rule of STATEMENT_RULES) {
      if (!options.settings.enabled(rule.meta.id)) continue;
      for (const hit of rule.check(statement, context)) {
        if (isIgnored(statement, rule.meta.id)) continue;
        findings.push({
          rule: rule.meta.id,
          severity: options.settings.severity(rule.meta.id, hit.severity ?? rule.meta.severity),
          ...location(statement.path, hit.span ?? statement.span),
          message: hit.message,
          fix: hit.fix,
          lock: hit.lock === void 0 ? rule.meta.lock : hit.lock,
          source: "static",
          migration: options.migration,
          statement: statement.sql
        });
      }
    }
    tracker.observe(statement.ast);
  });
  return findings;
}
function analyzeHistory(input, settings) {
  const findings = [];
  for (const rule of HISTORY_RULES) {
    if (!settings.enabled(rule.meta.id)) continue;
    for (const hit of rule.check(input)) {
      findings.push({
        rule: rule.meta.id,
        severity: settings.severity(rule.meta.id, hit.severity ?? rule.meta.severity),
        ...location(hit.path, hit.span),
        message: hit.message,
        fix: hit.fix,
        lock: hit.lock ?? null,
        source: "static",
        migration: hit.migration
      });
    }
  }
  return findings;
}
function problemFinding(problem, settings, migration, lock = null) {
  const fallback = problem.severity;
  return {
    rule: problem.rule,
    severity: ruleMeta(problem.rule) ? settings.severity(problem.rule, fallback) : fallback,
    ...location(problem.path, problem.span),
    message: problem.message,
    fix: problem.fix,
    lock,
    source: "static",
    migration
  };
}
function isIgnored(statement, rule) {
  return statement.ignores.some((d) => d.rule === rule || d.rule === "all");
}
function location(path, span) {
  return { path, line: span.line, column: span.column, endLine: span.endLine };
}
function cloneCreated(created) {
  return {
    tables: new Set(created.tables),
    indexes: new Set(created.indexes),
    types: new Set(created.types),
    columns: new Set(created.columns),
    checks: new Map([...created.checks].map(([table, checks]) => [table, checks.map((c) => ({ ...c }))]))
  };
}

function buildPlan(migrations, input) {
  const created = /* @__PURE__ */ new Set();
  return migrations.map((migration) => {
    const trace = input.traces?.find((t) => t.migration === migration);
    const statements = trace ? planFromTrace(migration, trace, input.findings) : planStatically(migration, input, created);
    for (const statement of migration.statements) for (const table of createdTables(statement)) created.add(table);
    return {
      migration: migration.id,
      path: migration.path,
      statements,
      totals: totals(statements),
      source: trace ? "trace" : "static"
    };
  });
}
function planFromTrace(migration, trace, findings) {
  const byIndex = new Map(trace.statements.map((s) => [s.index, s]));
  const plan = [];
  for (const [index, statement] of migration.statements.entries()) {
    const traced = byIndex.get(index);
    if (!traced) continue;
    const tableLocks = traced.locks.filter((l) => l.kind !== "index" && l.kind !== "sequence");
    const locks = tableLocks.length > 0 ? tableLocks : traced.locks;
    const lock = strongest(locks.map((l) => l.mode));
    const rewritten = traced.rewrites.filter((r) => r.kind === "table" || r.kind === "matview");
    const step = {
      line: statement.span.line,
      sql: statement.sql,
      lock,
      tables: [...new Set(locks.filter((l) => l.mode === lock).map((l) => l.relation))],
      blocks: blockedBy(lock),
      rewrite: rewritten.some((r) => r.existedBefore),
      rewritten: rewritten.filter((r) => r.existedBefore).map((r) => r.relation),
      scan: traced.scans.length > 0,
      newTable: locks.length > 0 && locks.every((l) => !l.existedBefore),
      transaction: traced.transaction,
      rollback: rollbackStrategy(statement),
      findings: findingRules(statement, findings)
    };
    if (traced.heldFor !== void 0) step.heldFor = traced.heldFor;
    if (traced.error) step.error = traced.error.message;
    plan.push(step);
  }
  return plan;
}
function planStatically(migration, input, createdBefore) {
  const created = new Set(createdBefore);
  let explicit = false;
  const plan = [];
  for (const statement of migration.statements) {
    const transactionKind = as(statement.ast, "TransactionStmt")?.kind;
    if (transactionKind === "TRANS_STMT_BEGIN" || transactionKind === "TRANS_STMT_START") explicit = true;
    const effects = statement.ast ? statementEffects(statement.ast, input.pgVersion) : [];
    const existing = effects.filter((e) => !created.has(e.table));
    const lock = strongest(effects.map((e) => e.lock));
    const transaction = statement.autocommit ? "none" : explicit ? "explicit" : migration.transactional ? "migration" : "none";
    plan.push({
      line: statement.span.line,
      sql: statement.sql,
      lock,
      tables: [...new Set(effects.filter((e) => e.lock === lock).map((e) => e.table || e.index || ""))].filter(Boolean),
      blocks: blockedBy(lock),
      rewrite: existing.some((e) => e.rewrite),
      scan: existing.some((e) => e.scan),
      newTable: createdTables(statement).length > 0 || effects.length > 0 && existing.length === 0,
      transaction,
      rollback: rollbackStrategy(statement),
      findings: findingRules(statement, input.findings)
    });
    if (transactionKind === "TRANS_STMT_COMMIT" || transactionKind === "TRANS_STMT_ROLLBACK") explicit = false;
    for (const table of createdTables(statement)) created.add(table);
  }
  return plan;
}
function findingRules(statement, findings) {
  const rules = findings.filter((f) => f.path === statement.path && f.line >= statement.span.line && f.line <= statement.span.endLine).map((f) => f.rule);
  return [...new Set(rules)];
}
function rollbackStrategy(statement) {
  const ast = statement.ast;
  if (!ast) return "reversible";
  if (as(ast, "UpdateStmt") || as(ast, "DeleteStmt")) return "irreversible";
  if (as(ast, "TruncateStmt")) return "data-loss";
  const drop = as(ast, "DropStmt");
  if (drop) {
    const kind = drop.removeType ?? "";
    return ["OBJECT_TABLE", "OBJECT_SCHEMA", "OBJECT_MATVIEW", "OBJECT_SEQUENCE", "OBJECT_TYPE"].includes(kind) ? "data-loss" : "reversible";
  }
  if (as(ast, "DropdbStmt")) return "data-loss";
  const alter = as(ast, "AlterTableStmt");
  if (alter?.cmds?.some((cmd) => as(cmd, "AlterTableCmd")?.subtype === "AT_DropColumn")) return "data-loss";
  return "reversible";
}
function createdTables(statement) {
  const create = as(statement.ast, "CreateStmt");
  if (create) return [tableKey(create.relation)];
  const createAs = as(statement.ast, "CreateTableAsStmt");
  if (createAs?.into?.rel) return [tableKey(createAs.into.rel)];
  return [];
}
function totals(statements) {
  const held = /* @__PURE__ */ new Set();
  statements.forEach((statement, index) => {
    if (statement.lock !== "AccessExclusiveLock" || statement.newTable) return;
    const span = statement.heldFor ?? heldStatically(statements, index);
    for (let i = index; i < index + span && i < statements.length; i++) held.add(i);
  });
  const rewritten = /* @__PURE__ */ new Set();
  for (const statement of statements) {
    if (!statement.rewrite) continue;
    for (const table of statement.rewritten ?? statement.tables) rewritten.add(table);
  }
  return { accessExclusiveStatements: held.size, tablesRewritten: [...rewritten] };
}
function heldStatically(statements, index) {
  const start = statements[index];
  if (start.transaction === "none") return 1;
  let count = 0;
  for (let i = index; i < statements.length; i++) {
    const statement = statements[i];
    if (statement.transaction !== start.transaction) break;
    count++;
    if (/^\s*(commit|end|rollback)\b/i.test(statement.sql)) break;
  }
  return count;
}

export { ALL_RULES as A, HISTORY_RULES as H, LOCK_MODES as L, QuoteUtils as Q, getAugmentedNamespace as a, ruleMeta as b, commonjsGlobal as c, parseIgnoreDirectives as d, analyzeMigrations as e, analyzeHistory as f, getDefaultExportFromCjs as g, ruleDocsPath as h, problemFinding as i, blockedBy as j, buildPlan as k, loadParser as l, as as m, tableKey as n, openEngine as o, parseSql as p, isIgnored as q, requestedExtensions as r, shortLockName as s, tagOf as t, engineAssets as u, causeOf as v, blocksTraffic as w, strongest as x };
