// The manager dashboard: the latest release's visible themes.
"use strict";

(function () {
  var K = window.Kataloop;
  var SVG = "http://www.w3.org/2000/svg";
  var token = K.takeFromFragment("token", "kataloop.manager");
  var themes = document.getElementById("themes");

  if (!token) {
    K.showStatus("This page needs your dashboard link. Ask your Kataloop operator for one.");
    return;
  }

  // A bar from -1 (left, negative) to +1 (right, positive), centred at 0.
  function sentimentBar(sentiment) {
    var value = Math.max(-1, Math.min(1, Number(sentiment) || 0));
    var width = 200;
    var half = width / 2;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "sentiment");
    svg.setAttribute("viewBox", "0 0 " + width + " 14");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", "14");
    svg.setAttribute("role", "img");
    var label = "Sentiment " + value.toFixed(2) + " (from -1 to +1)";
    svg.setAttribute("aria-label", label);
    var title = document.createElementNS(SVG, "title");
    title.textContent = label;
    svg.appendChild(title);
    var track = document.createElementNS(SVG, "rect");
    track.setAttribute("class", "track");
    track.setAttribute("x", "0");
    track.setAttribute("y", "0");
    track.setAttribute("width", String(width));
    track.setAttribute("height", "14");
    svg.appendChild(track);
    var bar = document.createElementNS(SVG, "rect");
    var length = Math.abs(value) * half;
    bar.setAttribute("class", value < 0 ? "bar negative" : "bar positive");
    bar.setAttribute("x", String(value < 0 ? half - length : half));
    bar.setAttribute("y", "2");
    bar.setAttribute("width", String(length));
    bar.setAttribute("height", "10");
    svg.appendChild(bar);
    var zero = document.createElementNS(SVG, "line");
    zero.setAttribute("class", "zero");
    zero.setAttribute("x1", String(half));
    zero.setAttribute("x2", String(half));
    zero.setAttribute("y1", "0");
    zero.setAttribute("y2", "14");
    svg.appendChild(zero);
    return svg;
  }

  function answerForm(theme) {
    var form = K.el("form", "respond");
    var id = "respond-" + theme.id;
    var label = K.el("label", null, "Answer this theme (employees who raised it will see it)");
    label.setAttribute("for", id);
    var text = K.el("textarea");
    text.id = id;
    text.name = "text";
    text.rows = 3;
    text.maxLength = 2000;
    text.required = true;
    var button = K.el("button", "primary", "Publish answer");
    button.type = "submit";
    var done = K.el("p", "respond-status");
    done.setAttribute("role", "status");
    form.appendChild(label);
    form.appendChild(text);
    form.appendChild(button);
    form.appendChild(done);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = text.value.trim();
      if (!body) {
        return;
      }
      button.disabled = true;
      K.api("POST", "/api/v1/themes/" + encodeURIComponent(theme.id) + "/responses", token, {
        text: body,
      })
        .then(function (result) {
          button.disabled = false;
          if (result.status === 201) {
            text.value = "";
            done.textContent = "Answer published.";
          } else {
            done.textContent = K.errorMessage(result);
          }
        })
        .catch(function () {
          button.disabled = false;
          done.textContent = "The server could not be reached. Try again.";
        });
    });
    return form;
  }

  function card(theme) {
    var article = K.el("article", "theme");
    article.setAttribute("data-slug", theme.slug);
    var head = K.el("header", "theme-head");
    head.appendChild(K.el("h2", null, theme.name));
    head.appendChild(
      K.el(
        "p",
        "count",
        theme.contributor_count + (theme.contributor_count === 1 ? " person" : " people")
      )
    );
    article.appendChild(head);
    article.appendChild(sentimentBar(theme.sentiment));
    article.appendChild(K.el("p", "description", theme.description));
    var action = K.el("p", "action");
    action.appendChild(K.el("strong", null, "Suggested action: "));
    action.appendChild(document.createTextNode(theme.suggested_action));
    article.appendChild(action);
    var summaries = theme.summaries || [];
    if (summaries.length) {
      article.appendChild(K.el("h3", null, "What people said"));
      var list = K.el("ul", "summaries");
      summaries.forEach(function (s) {
        list.appendChild(K.el("li", null, s));
      });
      article.appendChild(list);
    }
    article.appendChild(answerForm(theme));
    return article;
  }

  K.api("GET", "/api/v1/themes", token)
    .then(function (result) {
      if (result.status !== 200) {
        K.showStatus(K.errorMessage(result));
        return;
      }
      var body = result.body || {};
      if (typeof body.k === "number") {
        document.getElementById("k").textContent = String(body.k);
      }
      if (body.release) {
        document.getElementById("released-on").textContent = body.release.released_on;
        document.getElementById("release").hidden = false;
      }
      var list = body.themes || [];
      themes.textContent = "";
      list.forEach(function (theme) {
        themes.appendChild(card(theme));
      });
      document.getElementById("empty").hidden = list.length > 0;
    })
    .catch(function () {
      K.showStatus("The server could not be reached. Reload to try again.");
    });
})();
