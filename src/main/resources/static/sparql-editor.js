// The SPARQL editor on /sparql: CodeMirror's SPARQL mode over the plain form's textarea (the form
// works the same without this script), with completion of the prefixes this dataset uses — type
// "sch" and pick schema:, and its PREFIX line is added at the top when the query lacks it.
(function () {
  "use strict";
  var area = document.getElementById("query");
  if (!area || typeof CodeMirror === "undefined") {
    return;
  }
  var prefixes = {};
  try {
    prefixes = JSON.parse(area.getAttribute("data-prefixes") || "{}");
  } catch (e) {
    prefixes = {};
  }

  function declared(editor, prefix) {
    return new RegExp("PREFIX\\s+" + prefix + ":", "i").test(editor.getValue());
  }

  function hint(editor) {
    var cursor = editor.getCursor();
    var line = editor.getLine(cursor.line);
    var start = cursor.ch;
    while (start > 0 && /[A-Za-z0-9_-]/.test(line.charAt(start - 1))) {
      start--;
    }
    var typed = line.slice(start, cursor.ch).toLowerCase();
    var list = [];
    Object.keys(prefixes).forEach(function (prefix) {
      if (prefix.indexOf(typed) !== 0) {
        return;
      }
      list.push({
        text: prefix + ":",
        displayText: prefix + ":  <" + prefixes[prefix] + ">",
        hint: function (cm, data, completion) {
          cm.replaceRange(completion.text, data.from, data.to);
          if (!declared(cm, prefix)) {
            cm.replaceRange("PREFIX " + prefix + ": <" + prefixes[prefix] + ">\n", {line: 0, ch: 0});
          }
        }
      });
    });
    return {
      list: list,
      from: CodeMirror.Pos(cursor.line, start),
      to: CodeMirror.Pos(cursor.line, cursor.ch)
    };
  }

  var editor = CodeMirror.fromTextArea(area, {
    mode: "application/sparql-query",
    lineNumbers: true,
    matchBrackets: true,
    indentUnit: 2,
    // Long lines wrap: the editor never scrolls sideways, on a phone either.
    lineWrapping: true,
    viewportMargin: Infinity,
    extraKeys: {
      "Ctrl-Space": function (cm) {
        cm.showHint({hint: hint, completeSingle: false});
      },
      "Ctrl-Enter": function (cm) {
        cm.save();
        area.form.submit();
      }
    }
  });
  // CodeMirror types into a hidden text box of its own: it gets the form's label, so a screen
  // reader names the editor as it named the plain text area.
  editor.getInputField().setAttribute("aria-labelledby", "query-label");
  // Offer the prefixes while a name is being typed at the start of a term.
  editor.on("inputRead", function (cm, change) {
    if (change.origin === "+input" && /^[a-z]$/i.test(change.text[0])) {
      var cursor = cm.getCursor();
      var before = cm.getLine(cursor.line).slice(0, cursor.ch);
      if (/(^|[\s(;,{./^|!])[a-z][a-z0-9_-]*$/i.test(before) && !/[?$][a-z0-9_]*$/i.test(before)) {
        cm.showHint({hint: hint, completeSingle: false});
      }
    }
  });
})();
