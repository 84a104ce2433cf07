// The employee page: a guided conversation, then submit.
"use strict";

(function () {
  var K = window.Kataloop;
  var MAX_TURNS = 8;
  var token = K.takeFromFragment("token", "kataloop.invite");
  var list = document.getElementById("conversation");
  var form = document.getElementById("ride-form");
  var answer = document.getElementById("answer");
  var next = document.getElementById("next");
  var submit = document.getElementById("submit");

  // The conversation so far, starting with the server-rendered opening.
  var conversation = [];
  var opening = list.querySelector("li[data-role=guide]");
  if (opening) {
    conversation.push({ role: "guide", text: opening.textContent });
  }

  if (!token) {
    K.showStatus("This page needs your invite link. Open the link you were given.");
    next.disabled = true;
    submit.disabled = true;
    return;
  }

  function addTurn(role, text) {
    conversation.push({ role: role, text: text });
    var item = K.el("li", "turn " + role, text);
    item.setAttribute("data-role", role);
    list.appendChild(item);
  }

  function busy(on) {
    next.disabled = on || conversation.length + 2 > MAX_TURNS;
    submit.disabled = on;
    answer.disabled = on;
  }

  next.addEventListener("click", function () {
    var text = answer.value.trim();
    if (!text) {
      K.showStatus("Write an answer first.");
      return;
    }
    K.showStatus("");
    addTurn("employee", text);
    answer.value = "";
    busy(true);
    K.api("POST", "/api/v1/guide", token, { conversation: conversation })
      .then(function (result) {
        busy(false);
        if (result.status !== 200) {
          K.showStatus(K.errorMessage(result));
          return;
        }
        var question = result.body && result.body.question;
        if (question && conversation.length + 2 <= MAX_TURNS) {
          addTurn("guide", question);
        } else {
          next.disabled = true;
          K.showStatus("Thank you. Add anything else below, or submit your feedback.");
        }
        answer.focus();
      })
      .catch(function () {
        busy(false);
        K.showStatus("The server could not be reached. Try again.");
      });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = answer.value.trim();
    var turns = conversation.slice();
    if (text) {
      turns.push({ role: "employee", text: text });
    }
    if (!turns.some(function (t) { return t.role === "employee"; })) {
      K.showStatus("Write an answer first.");
      return;
    }
    K.showStatus("");
    busy(true);
    K.api("POST", "/api/v1/rides", token, { conversation: turns })
      .then(function (result) {
        if (result.status !== 201) {
          busy(false);
          K.showStatus(K.errorMessage(result));
          return;
        }
        document.getElementById("chat").hidden = true;
        document.getElementById("alias").textContent = result.body.alias;
        document.getElementById("receipt").textContent = result.body.receipt;
        document.getElementById("receipt-link").href =
          "/receipt#receipt=" + encodeURIComponent(result.body.receipt);
        document.getElementById("result").hidden = false;
      })
      .catch(function () {
        busy(false);
        K.showStatus("The server could not be reached. Nothing was stored; try again.");
      });
  });
})();
