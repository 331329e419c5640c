/**
 * The claim form's only script (progressive enhancement: the form works without it). Each chosen file is sent
 * straight to storage: ask POST /uploads for a presigned request, then send the file with progress. Files go one
 * at a time, so a weak connection spends its bandwidth on one file, and a failed file gets its own "Retry".
 * Written as ES5-level code for old Android browsers; served as a static asset that phones can cache.
 */
export const UPLOAD_SCRIPT = `(function(){
var me=document.currentScript,form=document.getElementById('claim-form');if(!form)return;
var txt={retry:me.getAttribute('data-retry'),done:me.getAttribute('data-done'),sending:me.getAttribute('data-sending')};
var pending=0,queue=Promise.resolve();
function upload(u,f,bar){return new Promise(function(res,rej){var x=new XMLHttpRequest();x.open(u.method,u.url);x.timeout=180000;
x.upload.onprogress=function(e){if(e.lengthComputable)bar.value=Math.round(e.loaded/e.total*100)};
x.onload=function(){x.status<300?res(u):rej(new Error('HTTP '+x.status))};x.onerror=x.ontimeout=function(){rej(new Error(txt.retry+'?'))};
var body=f;if(u.method==='POST'){body=new FormData();for(var k in u.fields)body.append(k,u.fields[k]);body.append('file',f)}else{for(var h in u.headers)x.setRequestHeader(h,u.headers[h])}
x.send(body)})}
Array.prototype.forEach.call(document.querySelectorAll('.doc'),function(row){
var file=row.querySelector('input[type=file]'),id=row.querySelector('input[name$=".uploadId"]'),out=row.querySelector('p'),type=row.getAttribute('data-doc');
file.hidden=false;
function send(f){pending++;id.value='';out.textContent=txt.sending+' ';var bar=document.createElement('progress');bar.max=100;bar.value=0;out.appendChild(bar);
queue=queue.then(function(){return fetch('/uploads'+location.search,{method:'POST',headers:{'content-type':'application/json',accept:'application/json'},body:JSON.stringify({type:type,contentType:f.type,size:f.size})})
.then(function(r){return r.json().then(function(j){if(!r.ok)throw new Error(j.fields&&j.fields[0]?j.fields[0].message:j.message);return j})})
.then(function(u){return upload(u,f,bar)})
.then(function(u){id.value=u.uploadId;out.textContent='';var ok=document.createElement('span');ok.className='ok';ok.textContent=txt.done+': '+f.name;out.appendChild(ok)})
.catch(function(e){out.textContent=e.message+' ';var b=document.createElement('button');b.type='button';b.className='secondary';b.textContent=txt.retry;b.onclick=function(){send(f)};out.appendChild(b)})
.then(function(){pending--})})}
file.addEventListener('change',function(){if(file.files&&file.files[0])send(file.files[0])})});
form.addEventListener('submit',function(e){if(pending>0){e.preventDefault();document.getElementById('wait').hidden=false;return}
var b=form.querySelector('button[type=submit]');b.disabled=true;setTimeout(function(){b.disabled=false},15000)});
var s=document.getElementById('summary');if(s)s.focus();
})();`;
