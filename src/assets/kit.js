// Copy buttons for the snippets of the signatory kit. An enhancement only: without
// this file the text areas stay selectable and copyable by hand.
;(function () {
  if (!navigator.clipboard || !navigator.clipboard.writeText) return
  var areas = document.querySelectorAll('textarea[data-copy]')
  for (var i = 0; i < areas.length; i++) addButton(areas[i])

  function addButton(area) {
    var button = document.createElement('button')
    var label = area.labels && area.labels[0] ? area.labels[0].textContent : ''
    button.type = 'button'
    button.className = 'copy'
    button.textContent = area.getAttribute('data-copy')
    if (label) button.setAttribute('aria-label', area.getAttribute('data-copy') + ' — ' + label)
    var status = document.createElement('span')
    status.className = 'copy-status'
    status.setAttribute('role', 'status')
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(area.value).then(function () {
        status.textContent = area.getAttribute('data-copied')
        setTimeout(function () { status.textContent = '' }, 3000)
      }, function () {
        area.select()
      })
    })
    area.insertAdjacentElement('afterend', status)
    area.insertAdjacentElement('afterend', button)
  }
})()
