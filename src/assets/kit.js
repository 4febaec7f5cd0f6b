// Copy buttons for the snippets of the signatory kit. An enhancement only: without
// this file the text areas stay selectable and copyable by hand.
;(() => {
  if (!navigator.clipboard?.writeText) return
  const addButton = (area) => {
    const button = document.createElement('button')
    const label = area.labels?.[0] ? area.labels[0].textContent : ''
    button.type = 'button'
    button.className = 'copy'
    button.textContent = area.getAttribute('data-copy')
    if (label) button.setAttribute('aria-label', `${area.getAttribute('data-copy')} — ${label}`)
    const status = document.createElement('span')
    status.className = 'copy-status'
    status.setAttribute('role', 'status')
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(area.value).then(
        () => {
          status.textContent = area.getAttribute('data-copied')
          setTimeout(() => {
            status.textContent = ''
          }, 3000)
        },
        () => {
          area.select()
        },
      )
    })
    area.insertAdjacentElement('afterend', status)
    area.insertAdjacentElement('afterend', button)
  }
  for (const area of document.querySelectorAll('textarea[data-copy]')) addButton(area)
})()
