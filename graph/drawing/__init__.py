"""Drawing the graph: which part to draw (view), the interactive page (viz, viz_info, templates/,
viz_style.json) and the endorsements-over-time page (timeline_page)."""
