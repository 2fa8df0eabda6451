"""Hand-written packs in the conventions of the fixture, but from other councils and clerks.

Each variant changes what a parser tuned to the fixture could trip on: another council
and committee, "RESOLVED:" with "(a)" and "1." numbering, unnumbered resolutions,
"Vice-Chair", apologies and substitutes named, others present, declarations about one
minute, a new municipal year, running headers and "Page 7" footers with form feeds in
the middle of a minute, a minutes-only file, a PDF with page furniture.
"""

from __future__ import annotations

from fpdf import FPDF

from store.pdf_render import latin1

# ---------------------------------------------------------------- another council: agenda + minutes
PLACE_PACK = """\
Borsetshire County Council

MEETING OF THE PLACE SCRUTINY COMMITTEE

DATE: THURSDAY, 12 MAY 2022

TIME: 10.00 am

VENUE: Council Chamber, County Hall, Felpersham

Membership

Councillor Okafor (Chair) Councillor Brennan (Vice-Chair)

Councillors Ahmed, Ellis-Jones, O'Neill and Whitfield

Democratic Services: Sarah Lund, telephone 01632 960123

AGENDA

1. APOLOGIES FOR ABSENCE AND SUBSTITUTIONS

2. DECLARATIONS OF INTERESTS

Members are asked to declare any interests they may have in the business to be discussed.

3. MINUTES OF THE PREVIOUS MEETING

Appendix A (Pages 1 - 6)

The minutes of the meeting held on 6 April 2022 are attached and the Committee is asked to confirm them as a correct record.

4. HIGHWAYS MAINTENANCE PROGRAMME 2022/23

Appendix B1 (Pages 7-20)

Appendix B2 (Page 21)

The Director of Place submits a report setting out the highways maintenance programme for 2022/23.

The Committee is recommended to comment on the programme.

5. BUS SERVICE IMPROVEMENT PLAN - VERBAL UPDATE

The Cabinet Member for Transport will give a verbal update.

6. FLOOD RISK MANAGEMENT Appendix C (Pages 22 - 30) STRATEGY REFRESH

The Head of Environment submits the refreshed strategy for consultation.

7. WORK PROGRAMME

Appendix D (Pages 31 - 34)

The Committee is asked to note its work programme.

8. ANY OTHER URGENT BUSINESS

Appendix A

Minutes of the Meeting of the PLACE SCRUTINY COMMITTEE

Held: WEDNESDAY, 6 APRIL 2022 at 2.00 pm

PRESENT:

Councillor Okafor (Chair)
Councillor Brennan (Vice-Chair)
Councillors Ahmed, Ellis-Jones and O'Neill
Councillor Hale (substitute for Councillor Dunn)

Also present:

Councillor Price – Cabinet Member for Highways

In attendance:

Sarah Lund – Democratic Services Officer

*** ** **

41. APOLOGIES FOR ABSENCE AND SUBSTITUTIONS

Apologies for absence were received from Councillor Whitfield and Councillor Dunn.

42. DECLARATIONS OF INTERESTS

Councillor Ahmed declared a Disclosable Pecuniary Interest in respect of minute 45 (LOCAL PLAN: SITE ALLOCATIONS) in that she owned land adjoining one of the sites. Councillor Ahmed withdrew from the meeting during consideration of the item.

43. MINUTES OF THE PREVIOUS MEETING

RESOLVED:

That the minutes of the meeting held on 9 March 2022 be confirmed as a correct record.

44. HIGHWAYS MAINTENANCE PROGRAMME 2021/22 - OUTTURN

The Director of Place presented the outturn of the programme. Members asked about the backlog of pothole repairs – £1.2 million of work was still outstanding.

RESOLVED: that:

(a) the report be noted;

(b) a further report on the backlog be brought to the July meeting; and

(c) the Director write to the Department for Transport about funding.

The Chair thanked officers for the report.

45. LOCAL PLAN: SITE ALLOCATIONS

Councillor Ellis-Jones declared a Non-registrable Interest in this item as he is a member of the Felpersham Civic Society.

Members discussed the proposed sites. 1. Purpose of the allocations was explained by the Planning Policy Manager.

Resolved:

1. That the Committee supports the draft site allocations.

2. That the comments of the Committee be passed to the Cabinet.

46. ANY OTHER URGENT BUSINESS

There were no items of urgent business. The meeting closed at 3.47 pm.

Appendix B1

Highways Maintenance Programme 2022/23

1. Purpose of report

1.1 This report sets out the programme.

2. RECOMMENDATIONS

2.1 The Committee is recommended to comment on the programme.
"""

PLACE_TITLES = [
    "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS",
    "DECLARATIONS OF INTERESTS",
    "MINUTES OF THE PREVIOUS MEETING",
    "HIGHWAYS MAINTENANCE PROGRAMME 2022/23",
    "BUS SERVICE IMPROVEMENT PLAN - VERBAL UPDATE",
    "FLOOD RISK MANAGEMENT STRATEGY REFRESH",
    "WORK PROGRAMME",
    "ANY OTHER URGENT BUSINESS",
]

PLACE_RESOLUTIONS = {
    43: ["That the minutes of the meeting held on 9 March 2022 be confirmed as a correct record."],
    44: [
        "the report be noted;",
        "a further report on the backlog be brought to the July meeting; and",
        "the Director write to the Department for Transport about funding.",
    ],
    45: [
        "That the Committee supports the draft site allocations.",
        "That the comments of the Committee be passed to the Cabinet.",
    ],
}

# ---------------------------------------------------------------- minutes only, with page furniture
_HEADER = "Licensing and Regulatory Committee - 14 November 2022"


def _page(number: int) -> str:
    return f"Page {number}\n\f{_HEADER}\n\n"


LICENSING_MINUTES = (
    f"""{_HEADER}

Minutes of the Meeting of the LICENSING AND REGULATORY COMMITTEE

Held: Monday, 14th November 2022 at 6pm

PRESENT:

Councillor Patel (in the Chair)
Councillor Moreau (Vice Chair)

Councillor Kowalski Councillor Lindqvist

Councillor Obi

*** ** **

23. APOLOGIES FOR ABSENCE

Apologies for absence were received from Councillors Grant and Yusuf.

24. DECLARATIONS OF INTEREST

There were no declarations of interest.

25. TAXI LICENSING POLICY REVIEW

The Licensing Manager presented the review of the taxi and private hire licensing policy and
explained the consultation responses, which had been received from drivers, operators and
members of the public over a period of twelve weeks ending in
{_page(7)}September. Members welcomed the proposals on vehicle age limits.

2. THE COMMITTEE NOTED THE CONSULTATION RESPONSES IN DETAIL.

Agreed:

- 1) That the revised policy be recommended to Council for adoption;

- 2) That the vehicle age limit be reviewed in two years.

26. STREET TRADING CONSENTS

AGREED: That the report be noted.

{_page(8)}27. ANY OTHER URGENT BUSINESS

There being no further business the meeting ended at 7.05 pm.

Page 9
"""
)

LICENSING_RESOLUTIONS = {
    25: ["That the revised policy be recommended to Council for adoption;",
         "That the vehicle age limit be reviewed in two years."],
    26: ["That the report be noted."],
}

# A report with numbered paragraphs and no meeting at all.
NO_MEETING = """\
Highways Maintenance Programme 2022/23

1. Purpose of report

1.1 This report sets out the programme.

2. RECOMMENDATIONS

2.1 The Committee is recommended to comment on the programme.
"""


def pdf_with_furniture(text: str, header: str, lines_per_page: int = 30) -> bytes:
    """A PDF of the text with a running header and a "Page N" footer on every page."""

    class Pack(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, latin1(header), align="C")
            self.ln(10)

        def footer(self):
            self.set_y(-14)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()}", align="C")

    pdf = Pack(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            pdf.multi_cell(0, 5, latin1(paragraph.strip()), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())
