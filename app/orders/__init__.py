"""The order book: the seller imports the daily order export of the marketplace back end
(AliExpress) or of their ERP (店小秘 Dianxiaomi, 通途 Tongtool, 马帮 Mabang), and the app then
knows each order's facts (buyer, country, dates, shipping methods, tracking number, amount,
products, weights); `exports` reads such a file into order records, keeping nothing a reply
does not need (never an address or a phone number).
"""
