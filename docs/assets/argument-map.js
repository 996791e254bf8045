// The argument map (hooks/pictures.py, docs/assets/argument-map.css) needs no script: hovering or focusing a
// box shows its lines and partners with CSS alone, and on a phone the list of proposals, one <details>
// each, is the map. This file stays registered in mkdocs.yml for any later enhancement.
