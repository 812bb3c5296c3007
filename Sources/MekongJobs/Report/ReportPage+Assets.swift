extension ReportPage {
    /// The page's style: system fonts only, light and dark, narrow screens, print.
    static let css = """
        :root{--ink:#1d2330;--muted:#5f6b7a;--line:#d9dee5;--paper:#fff;--soft:#f5f7fa;--accent:#0b6e69;
        --err:#b42318;--err-bg:#fde4e1;--warn:#93370d;--warn-bg:#fdeec0;--info:#1849a9;--info-bg:#e1eaff;
        --name:#0b6e69;color-scheme:light dark}
        @media (prefers-color-scheme:dark){:root{--ink:#e6e9ef;--muted:#9aa4b2;--line:#394150;--paper:#171b22;
        --soft:#1f2530;--accent:#5fd0c5;--err:#ff9c8f;--err-bg:#4a1d19;--warn:#f7c56b;--warn-bg:#46350f;
        --info:#9dbcff;--info-bg:#1c2b4d;--name:#5fd0c5}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",
        "Noto Sans","Noto Sans Lao","Phetsarath OT",sans-serif}
        main,header.top{max-width:76rem;margin:0 auto;padding:0 1rem}
        header.top{padding-top:1.2rem;padding-bottom:.4rem;border-bottom:1px solid var(--line)}
        h1{font-size:1.6rem;margin:.2rem 0}
        h2{font-size:1.3rem;margin:1.6rem 0 .4rem}
        h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
        a{color:var(--accent)}
        code,kbd{font:.85em/1.3 ui-monospace,"DejaVu Sans Mono",monospace}
        kbd{border:1px solid var(--line);border-bottom-width:2px;border-radius:4px;padding:0 .3em;background:var(--soft)}
        .lede{margin:.3rem 0;color:var(--muted)}
        .tools{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;margin:.5rem 0;font-size:.9rem}
        .keys{color:var(--muted)}
        .opt{position:absolute;opacity:0;width:1px;height:1px}
        .toggle{cursor:pointer;border:1px solid var(--line);border-radius:999px;padding:.15rem .7rem;background:var(--soft)}
        .toggle::before{content:"☐ "}
        #opt-sentences:checked~header .toggle::before{content:"☑ "}
        #opt-sentences:focus-visible~header .toggle{outline:2px solid var(--accent)}
        .stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.8rem,1fr));gap:.6rem;margin:.6rem 0 1rem}
        .stat{display:flex;flex-direction:column;padding:.6rem .8rem;border:1px solid var(--line);border-radius:10px;
        text-decoration:none;color:var(--ink);background:var(--soft)}
        .stat b{font-size:1.6rem;line-height:1.1}
        .stat span{font-size:.85rem;color:var(--muted)}
        .stat.sev-error b{color:var(--err)}.stat.sev-warning b{color:var(--warn)}.stat.sev-info b{color:var(--info)}
        .stat.names b{color:var(--name)}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
        thead th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        .zero{color:var(--muted)}
        .places a{white-space:nowrap;margin-right:.4rem;font-size:.85rem}
        .none,.clean{color:var(--muted)}
        .badge{display:inline-block;font-size:.72rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;
        padding:0 .4rem;border-radius:4px;line-height:1.5}
        .badge.sev-error{background:var(--err-bg);color:var(--err)}
        .badge.sev-warning{background:var(--warn-bg);color:var(--warn)}
        .badge.sev-info{background:var(--info-bg);color:var(--info)}
        .badge.untr{background:var(--warn-bg);color:var(--warn);margin-top:.3rem}
        a.count{font-weight:600;text-decoration:none}
        a.count.sev-error{color:var(--err)}a.count.sev-warning{color:var(--warn)}a.count.sev-info{color:var(--info)}
        a.untr{color:var(--warn)}
        .doc{border-top:3px solid var(--line);margin-top:2rem;padding-top:.2rem}
        .doc-head h2{margin-bottom:.1rem}
        .docno{display:inline-block;min-width:1.6em;padding:0 .3em;border-radius:5px;background:var(--ink);color:var(--paper);
        text-align:center;font-size:.85rem;vertical-align:.1em}
        .file{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.95rem;word-break:break-all}
        .doc-meta{margin:.1rem 0 .8rem;color:var(--muted);font-size:.9rem}
        .block{display:grid;grid-template-columns:minmax(0,42rem) minmax(0,1fr);column-gap:1.6rem;align-items:start}
        .block>.para{grid-column:1}.block>ol.notes{grid-column:2;margin:.1rem 0 .9rem}
        .text{font-family:Charter,"Bitstream Charter","Noto Serif","DejaVu Serif",Georgia,serif;
        font-size:1.06rem;line-height:1.7}
        .text .para{margin:0 0 .9rem}
        .text h3.para{font-size:1.35rem;line-height:1.35;margin:.4rem 0 1rem}
        .para.nt,.s.nt{color:var(--muted)}
        .para.nt{font-size:.92rem;border-left:3px solid var(--line);padding-left:.6rem}
        .kind{font:600 .68rem/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);
        border:1px solid var(--line);border-radius:4px;padding:.1rem .3rem;margin-right:.2rem;vertical-align:.15em;
        white-space:nowrap}
        .s.rep::after{content:"repeated";font:600 .62rem/1 system-ui,sans-serif;text-transform:uppercase;
        letter-spacing:.05em;color:var(--muted);border:1px dashed var(--line);border-radius:4px;padding:.1rem .25rem;
        margin-left:.3rem;vertical-align:.15em}
        #opt-sentences:checked~main .s{background:var(--soft);box-shadow:0 0 0 1px var(--line);border-radius:3px}
        #opt-sentences:checked~main .s::before{content:"▸";color:var(--accent);font-size:.75em;margin-right:.1em}
        .n{text-decoration:underline 1px dotted var(--name);text-underline-offset:3px;cursor:help}
        .n:hover{text-decoration-style:solid;background:var(--soft)}
        mark.f{color:inherit;border-radius:3px;padding:0 .1em;cursor:pointer;scroll-margin:30vh}
        mark.f::after{content:attr(data-n);font:700 .62rem/1 system-ui,sans-serif;vertical-align:super;margin-left:.1em}
        mark.sev-error{background:var(--err-bg);box-shadow:inset 0 -2px var(--err)}
        mark.sev-warning{background:var(--warn-bg);box-shadow:inset 0 -2px var(--warn)}
        mark.sev-info{background:var(--info-bg);box-shadow:inset 0 -2px var(--info)}
        mark.sev-error::after{color:var(--err)}mark.sev-warning::after{color:var(--warn)}mark.sev-info::after{color:var(--info)}
        mark.empty::before{content:"⚑"}
        mark.legend{padding:0 .25em;border-radius:3px;color:inherit}
        .legend-name{text-decoration:underline 1px dotted var(--name);text-underline-offset:3px}
        mark.f:focus,mark.f.current,mark.f:target{outline:3px solid var(--accent);outline-offset:1px}
        .cp{font:600 .7em/1 ui-monospace,monospace;border:1px dashed currentColor;border-radius:3px;padding:0 .15em}
        ol.notes{list-style:none;margin:-.3rem 0 1.1rem;padding:.4rem .6rem;border-left:3px solid var(--line);
        font:.86rem/1.45 system-ui,sans-serif;background:var(--soft);border-radius:0 6px 6px 0}
        .note{margin:.15rem 0 .45rem}
        .note:target,.note.current{background:var(--paper);outline:2px solid var(--accent);border-radius:4px}
        .note .back{display:inline-block;min-width:1.5em;text-align:center;font-weight:700;text-decoration:none;
        border-radius:50%;background:var(--paper);border:1px solid var(--line)}
        .note.sev-error{border-left:3px solid var(--err);padding-left:.4rem}
        .note.sev-warning{border-left:3px solid var(--warn);padding-left:.4rem}
        .note.sev-info{border-left:3px solid var(--info);padding-left:.4rem}
        .rule,.where,.nofix,.cps{color:var(--muted)}.cps{font:.72rem ui-monospace,monospace}.where{font-size:.78rem}
        q.found{color:var(--err)}q.expected{color:var(--accent);font-weight:600}
        .fix code{background:var(--paper)}
        .outside{margin-top:1rem}
        table.pairs{table-layout:fixed}table.pairs col.segid{width:9rem}
        table.pairs td.segid{font-size:.78rem;word-break:break-all}
        table.pairs td[lang]{font-family:Charter,"Noto Serif","DejaVu Serif",Georgia,serif;font-size:1rem}
        tr.untranslated td{background:var(--warn-bg)}
        tr.nt td{color:var(--muted)}
        tr.notes-row td{border-bottom:1px solid var(--line);padding-top:0}
        .segid .kind,.segid .badge{display:block;width:max-content}
        .missing{color:var(--muted);font-style:italic}
        .status{font-size:.75rem;font-weight:600;text-transform:uppercase}
        .st-approved{color:var(--accent)}.st-proposed{color:var(--warn)}
        .type{font-size:.75rem;color:var(--muted)}
        table.glossary td{font-size:.88rem}
        td.uses{font-size:.78rem;min-width:11rem}.use{display:block}td.uses a{margin-right:.15rem}a.use-doc{color:var(--muted);white-space:nowrap}
        .chips{display:flex;flex-wrap:wrap;gap:.35rem;font-size:.85rem}
        .chip{border:1px solid var(--line);border-radius:999px;padding:.05rem .6rem;text-decoration:none;color:var(--ink);
        background:var(--soft)}.chip b{color:var(--name)}
        table.batch tr:not(.first) td{border-top:0}table.batch td{border-bottom:0}table.batch tr.first td{border-top:1px solid var(--line)}
        .findnav{position:fixed;right:1rem;bottom:1rem;display:flex;align-items:center;gap:.4rem;padding:.3rem;
        background:var(--paper);border:1px solid var(--line);border-radius:999px;box-shadow:0 4px 16px #0003;
        font-size:.85rem;z-index:2}
        .findnav[hidden]{display:none}
        .findnav button{font-size:1rem;border:0;border-radius:50%;width:2.2rem;height:2.2rem;cursor:pointer;
        background:var(--soft);color:var(--ink)}
        .card{position:absolute;z-index:3;max-width:min(26rem,92vw);padding:.6rem .8rem;background:var(--paper);
        border:1px solid var(--line);border-radius:8px;box-shadow:0 8px 24px #0004;font:.86rem/1.45 system-ui,sans-serif}
        .card[hidden]{display:none}
        .card table{font-size:.82rem}
        @media (max-width:72rem){.block{display:block}.block>ol.notes{max-width:42rem}}
        @media (max-width:40rem){body{font-size:15px}.text{font-size:1rem}
        table.pairs,table.pairs tbody,table.pairs tr,table.pairs td{display:block;width:auto}
        table.pairs thead{display:none}table.pairs td{border:0;padding:.2rem 0}
        table.pairs tr{border-bottom:1px solid var(--line);padding:.4rem 0}
        table.pairs td[lang]::before{content:attr(lang) " ";font:600 .7rem system-ui;color:var(--muted);text-transform:uppercase}
        .keys{display:none}}
        @media print{.findnav,.card,.tools,.opt{display:none!important}body{font-size:11pt}
        .doc{break-before:page;border:0}mark.f{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        ol.notes,.para{break-inside:avoid}a{color:inherit;text-decoration:none}}

        """

    /// The conveniences, for when JavaScript runs: next/previous finding (j/k, n/p, the buttons),
    /// and a card with the note of a finding or the glossary entry of a name on click or tap.
    /// Without it every note and the glossary table are on the page anyway.
    static let script = """
        (function(){
        "use strict";
        var marks=Array.prototype.slice.call(document.querySelectorAll("mark.f"));
        var nav=document.getElementById("findnav"),pos=document.getElementById("findpos");
        var card=document.getElementById("card"),cur=-1;
        if(nav&&marks.length){nav.hidden=false;}
        function hide(){card.hidden=true;card.textContent="";}
        function show(el,content){
          hide();card.appendChild(content);card.hidden=false;
          var r=el.getBoundingClientRect(),w=Math.min(card.offsetWidth,window.innerWidth-16);
          var x=Math.max(8,Math.min(r.left+window.scrollX,window.scrollX+window.innerWidth-w-8));
          card.style.left=x+"px";card.style.top=(r.bottom+window.scrollY+6)+"px";
        }
        function noteOf(m){var n=document.getElementById("n"+m.id);if(!n)return null;n=n.cloneNode(true);n.removeAttribute("id");return n;}
        function go(i){
          if(!marks.length)return;
          cur=(i+marks.length)%marks.length;
          var m=marks[cur];
          document.querySelectorAll(".current").forEach(function(x){x.classList.remove("current");});
          m.classList.add("current");
          var n=document.getElementById("n"+m.id);if(n)n.classList.add("current");
          m.scrollIntoView({block:"center"});m.focus({preventScroll:true});
          pos.textContent=(cur+1)+" / "+marks.length;
        }
        function step(d){if(cur<0){go(d>0?0:marks.length-1);}else{go(cur+d);}}
        document.getElementById("next").addEventListener("click",function(){step(1);});
        document.getElementById("prev").addEventListener("click",function(){step(-1);});
        document.addEventListener("keydown",function(e){
          if(e.ctrlKey||e.metaKey||e.altKey||/INPUT|TEXTAREA|SELECT/.test(e.target.tagName))return;
          if(e.key==="j"||e.key==="n"){step(1);e.preventDefault();}
          else if(e.key==="k"||e.key==="p"){step(-1);e.preventDefault();}
          else if(e.key==="Escape"){hide();}
          else if(e.key==="Enter"&&e.target.matches&&e.target.matches("mark.f")){
            var c=noteOf(e.target);if(c){show(e.target,c);}}
        });
        document.addEventListener("click",function(e){
          var t=e.target.closest?e.target.closest("mark.f,.n"):null;
          if(!t){if(!card.contains(e.target))hide();return;}
          if(t.matches("mark.f")){
            var i=marks.indexOf(t);if(i>=0){cur=i;pos.textContent=(i+1)+" / "+marks.length;}
            var c=noteOf(t);if(c){var ol=document.createElement("ol");ol.className="notes";ol.appendChild(c);show(t,ol);}
          }else{
            var row=document.getElementById("c-"+t.getAttribute("data-concept"));
            if(row){var tb=row.closest("table").cloneNode(false),b=document.createElement("tbody");
              var rc=row.cloneNode(true);rc.removeAttribute("id");b.appendChild(rc);tb.appendChild(row.closest("table").tHead.cloneNode(true));
              tb.appendChild(b);show(t,tb);}
          }
          e.stopPropagation();
        });
        })();

        """
}
