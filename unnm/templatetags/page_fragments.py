"""
`{% stored fragment %} … {% live %} … {% endlive %} … {% endstored %}`: the parts of a page
outside the `live` sections are stored (`unnm.pagecache.Fragment`) and read back as they are;
the `live` sections are rendered on every request, in their place. The parts are rendered in
order, in the same context, when the fragment is not stored yet.
"""

from django import template

register = template.Library()


class StoredNode(template.Node):
    def __init__(self, fragment, parts, live):
        self.fragment = fragment
        self.parts = parts
        self.live = live

    def render(self, context):
        fragment = self.fragment.resolve(context)
        stored = fragment.parts if fragment is not None else None
        if stored is None or len(stored) != len(self.parts):
            stored = None
        out, rendered = [], []
        for index, nodelist in enumerate(self.parts):
            if index:
                out.append(self.live[index - 1].render(context))
            rendered.append(stored[index] if stored else nodelist.render(context))
            out.append(rendered[-1])
        if stored is None and fragment is not None:
            fragment.store(rendered)
        return "".join(out)


@register.tag
def stored(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% stored %} takes one argument: the fragment.")
    parts, live = [], []
    while True:
        parts.append(parser.parse(("live", "endstored")))
        if parser.next_token().contents == "endstored":
            break
        live.append(parser.parse(("endlive",)))
        parser.delete_first_token()
    return StoredNode(parser.compile_filter(bits[1]), parts, live)
