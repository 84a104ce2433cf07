// The receipt page: the ride's pseudonym and the answers to its theme.
"use strict";

(function () {
  var K = window.Kataloop;
  var form = document.getElementById("receipt-form");
  var input = document.getElementById("receipt-input");

  function show(receipt) {
    K.showStatus("");
    K.api("GET", "/api/v1/receipts/" + encodeURIComponent(receipt))
      .then(function (result) {
        if (result.status !== 200) {
          document.getElementById("receipt-view").hidden = true;
          K.showStatus(
            result.status === 404 ? "This receipt is not known." : K.errorMessage(result)
          );
          return;
        }
        document.getElementById("alias").textContent = result.body.alias;
        var list = document.getElementById("answers");
        list.textContent = "";
        var responses = result.body.responses || [];
        responses.forEach(function (r) {
          var item = K.el("li", "answer-item");
          item.appendChild(K.el("p", "answer-text", r.text));
          item.appendChild(K.el("time", "answer-date", r.answered_on));
          list.appendChild(item);
        });
        document.getElementById("no-answers").hidden = responses.length > 0;
        document.getElementById("receipt-view").hidden = false;
      })
      .catch(function () {
        K.showStatus("The server could not be reached. Try again.");
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var receipt = input.value.trim();
    if (receipt) {
      show(receipt);
    }
  });

  var given = K.takeFromFragment("receipt", "kataloop.receipt");
  if (given) {
    input.value = given;
    show(given);
  }
})();
