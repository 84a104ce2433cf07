// Kataloop pages: shared helpers. No inline script anywhere; credentials
// arrive in the URL fragment (never sent to the server), move into
// sessionStorage and an Authorization header, and leave the address bar.
"use strict";

window.Kataloop = (function () {
  function fragmentValue(name) {
    var hash = window.location.hash.replace(/^#/, "");
    var parts = hash.split("&");
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (eq > 0 && parts[i].slice(0, eq) === name) {
        try {
          return decodeURIComponent(parts[i].slice(eq + 1));
        } catch (e) {
          return null;
        }
      }
    }
    return null;
  }

  // The value named `name` in the fragment (remembered for this tab), then
  // the fragment is removed from the address bar and history.
  function takeFromFragment(name, storageKey) {
    var value = fragmentValue(name);
    if (value) {
      try {
        window.sessionStorage.setItem(storageKey, value);
      } catch (e) {
        // Storage may be disabled: keep the value in memory only.
      }
      window.history.replaceState(null, "", window.location.pathname);
      return value;
    }
    try {
      return window.sessionStorage.getItem(storageKey);
    } catch (e) {
      return null;
    }
  }

  // fetch() with JSON in and out; resolves to {status, body}.
  function api(method, path, token, payload) {
    var headers = { Accept: "application/json" };
    if (token) {
      headers.Authorization = "Bearer " + token;
    }
    var init = { method: method, headers: headers, credentials: "omit", cache: "no-store" };
    if (payload !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(payload);
    }
    return window.fetch(path, init).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (body) {
          return { status: response.status, body: body };
        });
    });
  }

  function errorMessage(result) {
    if (result && result.body && result.body.error && result.body.error.message) {
      return result.body.error.message;
    }
    return "Something went wrong (HTTP " + (result ? result.status : "?") + ").";
  }

  function showStatus(text) {
    var status = document.getElementById("status");
    if (!status) {
      return;
    }
    status.textContent = text || "";
    status.hidden = !text;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  return {
    takeFromFragment: takeFromFragment,
    api: api,
    errorMessage: errorMessage,
    showStatus: showStatus,
    el: el,
  };
})();
