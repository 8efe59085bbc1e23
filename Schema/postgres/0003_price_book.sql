-- The price book that network-design validation quotes from (as SQLite's Schema/0008 and 0010): a monthly
-- rate per market, product, speed and term.
WITH base(product_type, speed, rate) AS (VALUES
        ('MEGAPORT', 1000, 350.0), ('MEGAPORT', 10000, 900.0), ('MEGAPORT', 100000, 4500.0),
        ('VXC', 50, 60.0), ('VXC', 100, 90.0), ('VXC', 500, 200.0), ('VXC', 1000, 300.0), ('VXC', 2000, 450.0),
        ('VXC', 5000, 800.0), ('VXC', 10000, 1300.0), ('VXC', 100000, 6000.0),
        ('IX', 100, 150.0), ('IX', 1000, 400.0), ('IX', 10000, 1500.0), ('IX', 100000, 7000.0)),
    terms(term, factor) AS (VALUES (1, 1.0), (12, 0.9), (24, 0.85), (36, 0.8), (48, 0.78), (60, 0.75)),
    rates(market, factor) AS (VALUES ('AU', 1.5), ('NZ', 1.6), ('SG', 1.35), ('HK', 7.8), ('JP', 150.0), ('US', 1.0),
        ('CA', 1.35), ('GB', 0.8), ('IE', 0.92), ('DE', 0.92), ('NL', 0.92), ('FR', 0.92))
INSERT INTO price_book (market, product_type, speed, term, monthly_rate)
SELECT rates.market, base.product_type, base.speed, terms.term, round((base.rate * terms.factor * rates.factor)::numeric, 2)
FROM base, terms, rates WHERE rates.market IN (SELECT code FROM markets);

-- A cloud router costs less than a port of its speed: no cross connect, no optics.
WITH base(speed, rate) AS (VALUES (1000, 250.0), (2500, 400.0), (5000, 600.0), (10000, 800.0), (25000, 1400.0),
        (50000, 2200.0), (100000, 3800.0), (400000, 11000.0)),
    terms(term, factor) AS (VALUES (1, 1.0), (12, 0.9), (24, 0.85), (36, 0.8), (48, 0.78), (60, 0.75)),
    rates(market, factor) AS (VALUES ('AU', 1.5), ('NZ', 1.6), ('SG', 1.35), ('HK', 7.8), ('JP', 150.0), ('US', 1.0),
        ('CA', 1.35), ('GB', 0.8), ('IE', 0.92), ('DE', 0.92), ('NL', 0.92), ('FR', 0.92))
INSERT INTO price_book (market, product_type, speed, term, monthly_rate)
SELECT rates.market, 'MCR2', base.speed, terms.term, round((base.rate * terms.factor * rates.factor)::numeric, 2)
FROM base, terms, rates WHERE rates.market IN (SELECT code FROM markets);
