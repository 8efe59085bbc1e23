-- The price book that network-design validation quotes from: a monthly rate per market (in its currency),
-- product, speed and term. A port's row is its speed; a VXC's or IX's is the first row at or above its rate
-- limit. Rates fall with longer terms.
CREATE TABLE price_book (
    market       TEXT NOT NULL REFERENCES markets(code),
    product_type TEXT NOT NULL CHECK (product_type IN ('MEGAPORT', 'VXC', 'IX')),
    speed        INTEGER NOT NULL CHECK (speed > 0),
    term         INTEGER NOT NULL CHECK (term IN (1, 12, 24, 36, 48, 60)),
    monthly_rate REAL NOT NULL CHECK (monthly_rate >= 0),
    PRIMARY KEY (market, product_type, speed, term)
) STRICT;

WITH base(product_type, speed, rate) AS (VALUES
        ('MEGAPORT', 1000, 350.0), ('MEGAPORT', 10000, 900.0), ('MEGAPORT', 100000, 4500.0),
        ('VXC', 50, 60.0), ('VXC', 100, 90.0), ('VXC', 500, 200.0), ('VXC', 1000, 300.0), ('VXC', 2000, 450.0),
        ('VXC', 5000, 800.0), ('VXC', 10000, 1300.0), ('VXC', 100000, 6000.0),
        ('IX', 100, 150.0), ('IX', 1000, 400.0), ('IX', 10000, 1500.0), ('IX', 100000, 7000.0)),
    terms(term, factor) AS (VALUES (1, 1.0), (12, 0.9), (24, 0.85), (36, 0.8), (48, 0.78), (60, 0.75)),
    rates(market, factor) AS (VALUES ('AU', 1.5), ('NZ', 1.6), ('SG', 1.35), ('HK', 7.8), ('JP', 150.0), ('US', 1.0),
        ('CA', 1.35), ('GB', 0.8), ('IE', 0.92), ('DE', 0.92), ('NL', 0.92), ('FR', 0.92))
INSERT INTO price_book (market, product_type, speed, term, monthly_rate)
SELECT rates.market, base.product_type, base.speed, terms.term, round(base.rate * terms.factor * rates.factor, 2)
FROM base, terms, rates WHERE rates.market IN (SELECT code FROM markets);
