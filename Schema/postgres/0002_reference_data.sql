-- Reference data (as SQLite's Schema/0002): billing markets (with their phone numbering rule), real data-centre
-- locations with interface inventory, and the internet exchanges of each metro.

INSERT INTO markets (code, name, currency, dial_code, national_digits) VALUES
    ('AU', 'Australia', 'AUD', '61', 9),
    ('NZ', 'New Zealand', 'NZD', '64', 9),
    ('SG', 'Singapore', 'SGD', '65', 8),
    ('HK', 'Hong Kong', 'HKD', '852', 8),
    ('JP', 'Japan', 'JPY', '81', 10),
    ('US', 'United States', 'USD', '1', 10),
    ('CA', 'Canada', 'CAD', '1', 10),
    ('GB', 'United Kingdom', 'GBP', '44', 10),
    ('IE', 'Ireland', 'EUR', '353', 9),
    ('DE', 'Germany', 'EUR', '49', 10),
    ('NL', 'Netherlands', 'EUR', '31', 9),
    ('FR', 'France', 'EUR', '33', 9);

INSERT INTO locations (id, name, site_code, metro, state, country, country_name, market, network_region, status,
                       street, suburb, city, postcode, latitude, longitude, live_date) VALUES
    (1, 'Equinix SY1', 'syd-sy1', 'Sydney', 'NSW', 'AU', 'Australia', 'AU', 'MP1', 'Active', '639 Gardeners Road', 'Mascot', 'Sydney', '2020', -33.9213, 151.189, 1422662400000),
    (2, 'Equinix SY3', 'syd-sy3', 'Sydney', 'NSW', 'AU', 'Australia', 'AU', 'MP1', 'Active', '47 Bourke Road', 'Alexandria', 'Sydney', '2015', -33.91, 151.193, 1425254400000),
    (3, 'Global Switch Sydney', 'syd-gs', 'Sydney', 'NSW', 'AU', 'Australia', 'AU', 'MP1', 'Active', '400 Harris Street', 'Ultimo', 'Sydney', '2007', -33.877, 151.198, 1427846400000),
    (4, 'NEXTDC S1', 'syd-s1', 'Sydney', 'NSW', 'AU', 'Australia', 'AU', 'MP1', 'Active', '4 Eden Park Drive', 'Macquarie Park', 'Sydney', '2113', -33.7794, 151.127, 1430438400000),
    (5, 'Equinix SY4', 'syd-sy4', 'Sydney', 'NSW', 'AU', 'Australia', 'AU', 'MP1', 'Active', '200 Bourke Road', 'Alexandria', 'Sydney', '2015', -33.9125, 151.1905, 1433030400000),
    (6, 'NEXTDC M1', 'mel-m1', 'Melbourne', 'VIC', 'AU', 'Australia', 'AU', 'MP1', 'Active', '826 Lorimer Street', 'Port Melbourne', 'Melbourne', '3207', -37.826, 144.915, 1435622400000),
    (7, 'Equinix ME1', 'mel-me1', 'Melbourne', 'VIC', 'AU', 'Australia', 'AU', 'MP1', 'Active', '600 Lorimer Street', 'Port Melbourne', 'Melbourne', '3207', -37.824, 144.923, 1438214400000),
    (8, 'NEXTDC B1', 'bne-b1', 'Brisbane', 'QLD', 'AU', 'Australia', 'AU', 'MP1', 'Active', '454 St Pauls Terrace', 'Fortitude Valley', 'Brisbane', '4006', -27.454, 153.037, 1440806400000),
    (9, 'NEXTDC P1', 'per-p1', 'Perth', 'WA', 'AU', 'Australia', 'AU', 'MP1', 'Active', '35 Hasler Road', 'Osborne Park', 'Perth', '6017', -31.901, 115.812, 1443398400000),
    (10, 'NEXTDC C1', 'cbr-c1', 'Canberra', 'ACT', 'AU', 'Australia', 'AU', 'MP1', 'Active', '2 Dairy Road', 'Fyshwick', 'Canberra', '2609', -35.327, 149.175, 1445990400000),
    (11, 'Spark Mayoral Drive', 'akl-smd', 'Auckland', NULL, 'NZ', 'New Zealand', 'NZ', 'MP1', 'Active', '31 Airedale Street', 'Auckland Central', 'Auckland', '1010', -36.853, 174.761, 1448582400000),
    (12, 'Vocus Albany', 'akl-va', 'Auckland', NULL, 'NZ', 'New Zealand', 'NZ', 'MP1', 'Active', '9 Corinthian Drive', 'Albany', 'Auckland', '0632', -36.737, 174.704, 1451174400000),
    (13, 'Equinix SG1', 'sin-sg1', 'Singapore', NULL, 'SG', 'Singapore', 'SG', 'MP1', 'Active', '20 Ayer Rajah Crescent', NULL, 'Singapore', '139964', 1.295, 103.788, 1453766400000),
    (14, 'Global Switch Singapore', 'sin-gs', 'Singapore', NULL, 'SG', 'Singapore', 'SG', 'MP1', 'Active', '2 Tai Seng Avenue', NULL, 'Singapore', '534408', 1.335, 103.888, 1456358400000),
    (15, 'Digital Realty SIN10', 'sin-dr10', 'Singapore', NULL, 'SG', 'Singapore', 'SG', 'MP1', 'Active', '29A International Business Park', NULL, 'Singapore', '609934', 1.326, 103.747, 1458950400000),
    (16, 'Equinix SG2', 'sin-sg2', 'Singapore', NULL, 'SG', 'Singapore', 'SG', 'MP1', 'Active', '26A Ayer Rajah Crescent', NULL, 'Singapore', '139963', 1.296, 103.787, 1461542400000),
    (17, 'Equinix HK1', 'hkg-hk1', 'Hong Kong', NULL, 'HK', 'Hong Kong', 'HK', 'MP1', 'Active', '63 Wing Hong Street', 'Cheung Sha Wan', 'Hong Kong', NULL, 22.337, 114.148, 1464134400000),
    (18, 'MEGA-i', 'hkg-megai', 'Hong Kong', NULL, 'HK', 'Hong Kong', 'HK', 'MP1', 'Active', '399 Chai Wan Road', 'Chai Wan', 'Hong Kong', NULL, 22.264, 114.237, 1466726400000),
    (19, 'Global Switch Hong Kong', 'hkg-gs', 'Hong Kong', NULL, 'HK', 'Hong Kong', 'HK', 'MP1', 'Active', '8 Castle Peak Road', 'Kwai Chung', 'Hong Kong', NULL, 22.362, 114.128, 1469318400000),
    (20, 'Equinix TY2', 'tyo-ty2', 'Tokyo', NULL, 'JP', 'Japan', 'JP', 'MP1', 'Active', '3-8-21 Higashi-Shinagawa', 'Shinagawa-ku', 'Tokyo', '140-0002', 35.615, 139.75, 1471910400000),
    (21, 'AT TOKYO CC1', 'tyo-cc1', 'Tokyo', NULL, 'JP', 'Japan', 'JP', 'MP1', 'Active', '6-2-3 Toyosu', 'Koto-ku', 'Tokyo', '135-0061', 35.653, 139.796, 1474502400000),
    (22, 'Equinix OS1', 'osa-os1', 'Osaka', NULL, 'JP', 'Japan', 'JP', 'MP1', 'Active', '1-26-1 Shinmachi', 'Nishi-ku', 'Osaka', '550-0013', 34.677, 135.494, 1477094400000),
    (23, 'Equinix DC2', 'iad-dc2', 'Ashburn', 'VA', 'US', 'United States', 'US', 'MP1', 'Active', '21715 Filigree Court', NULL, 'Ashburn', '20147', 39.016, -77.459, 1479686400000),
    (24, 'CoreSite LA1', 'lax-la1', 'Los Angeles', 'CA', 'US', 'United States', 'US', 'MP1', 'Active', '624 S Grand Avenue', NULL, 'Los Angeles', '90017', 34.048, -118.255, 1482278400000),
    (25, 'Equinix LA1', 'lax-eq1', 'Los Angeles', 'CA', 'US', 'United States', 'US', 'MP1', 'Active', '600 W 7th Street', NULL, 'Los Angeles', '90017', 34.047, -118.256, 1484870400000),
    (26, 'Equinix SV1', 'sjc-sv1', 'San Jose', 'CA', 'US', 'United States', 'US', 'MP1', 'Active', '11 Great Oaks Boulevard', NULL, 'San Jose', '95119', 37.242, -121.783, 1487462400000),
    (27, 'Digital Realty 60 Hudson', 'nyc-60h', 'New York', 'NY', 'US', 'United States', 'US', 'MP1', 'Active', '60 Hudson Street', NULL, 'New York', '10013', 40.717, -74.008, 1490054400000),
    (28, 'Equinix NY9', 'nyc-ny9', 'New York', 'NY', 'US', 'United States', 'US', 'MP1', 'Active', '111 8th Avenue', NULL, 'New York', '10011', 40.741, -74.003, 1492646400000),
    (29, 'Equinix DA1', 'dfw-da1', 'Dallas', 'TX', 'US', 'United States', 'US', 'MP1', 'Active', '1950 N Stemmons Freeway', NULL, 'Dallas', '75207', 32.8, -96.819, 1495238400000),
    (30, 'Equinix CH1', 'chi-ch1', 'Chicago', 'IL', 'US', 'United States', 'US', 'MP1', 'Active', '350 E Cermak Road', NULL, 'Chicago', '60616', 41.853, -87.618, 1497830400000),
    (31, 'Westin Building Exchange', 'sea-wbx', 'Seattle', 'WA', 'US', 'United States', 'US', 'MP1', 'Active', '2001 6th Avenue', NULL, 'Seattle', '98121', 47.614, -122.338, 1500422400000),
    (32, 'Equinix MI1', 'mia-mi1', 'Miami', 'FL', 'US', 'United States', 'US', 'MP1', 'Active', '50 NE 9th Street', NULL, 'Miami', '33132', 25.783, -80.193, 1503014400000),
    (33, 'Cologix TOR1', 'yyz-tor1', 'Toronto', 'ON', 'CA', 'Canada', 'CA', 'MP1', 'Active', '151 Front Street W', NULL, 'Toronto', 'M5J 2N1', 43.644, -79.385, 1505606400000),
    (34, 'Cologix VAN1', 'yvr-van1', 'Vancouver', 'BC', 'CA', 'Canada', 'CA', 'MP1', 'Active', '555 W Hastings Street', NULL, 'Vancouver', 'V6B 4N6', 49.285, -123.112, 1508198400000),
    (35, 'Cologix MTL3', 'yul-mtl3', 'Montreal', 'QC', 'CA', 'Canada', 'CA', 'MP1', 'Active', '1250 Boulevard Rene-Levesque O', NULL, 'Montreal', 'H3B 4W8', 45.497, -73.569, 1510790400000),
    (36, 'Equinix LD5', 'lon-ld5', 'London', NULL, 'GB', 'United Kingdom', 'GB', 'MP2', 'Active', '8 Buckingham Avenue', 'Slough', 'London', 'SL1 4AX', 51.522, -0.629, 1513382400000),
    (37, 'Telehouse North', 'lon-thn', 'London', NULL, 'GB', 'United Kingdom', 'GB', 'MP2', 'Active', 'Coriander Avenue', 'Docklands', 'London', 'E14 2AA', 51.511, -0.001, 1515974400000),
    (38, 'Global Switch London East', 'lon-gs', 'London', NULL, 'GB', 'United Kingdom', 'GB', 'MP2', 'Active', '3 Nutmeg Lane', 'Docklands', 'London', 'E14 2AX', 51.512, -0.004, 1518566400000),
    (39, 'Equinix LD8', 'lon-ld8', 'London', NULL, 'GB', 'United Kingdom', 'GB', 'MP2', 'Active', '6 Harbour Exchange Square', 'Docklands', 'London', 'E14 9GE', 51.499, -0.015, 1521158400000),
    (40, 'Equinix DB3', 'dub-db3', 'Dublin', NULL, 'IE', 'Ireland', 'IE', 'MP2', 'Active', 'Kilcarbery Park, Nangor Road', 'Clondalkin', 'Dublin', 'D22 V6K2', 53.32, -6.404, 1523750400000),
    (41, 'Digital Realty DUB2', 'dub-dr2', 'Dublin', NULL, 'IE', 'Ireland', 'IE', 'MP2', 'Active', 'Unit 1, Grange Castle Business Park', 'Clondalkin', 'Dublin', 'D22 K8F1', 53.316, -6.436, 1526342400000),
    (42, 'Equinix FR5', 'fra-fr5', 'Frankfurt', 'HE', 'DE', 'Germany', 'DE', 'MP2', 'Active', 'Kleyerstrasse 90', NULL, 'Frankfurt am Main', '60326', 50.101, 8.63, 1528934400000),
    (43, 'Digital Realty FRA1', 'fra-dr1', 'Frankfurt', 'HE', 'DE', 'Germany', 'DE', 'MP2', 'Active', 'Hanauer Landstrasse 298', NULL, 'Frankfurt am Main', '60314', 50.118, 8.734, 1531526400000),
    (44, 'Equinix AM3', 'ams-am3', 'Amsterdam', 'NH', 'NL', 'Netherlands', 'NL', 'MP2', 'Active', 'Science Park 610', NULL, 'Amsterdam', '1098 XH', 52.356, 4.953, 1534118400000),
    (45, 'Nikhef Amsterdam', 'ams-nik', 'Amsterdam', 'NH', 'NL', 'Netherlands', 'NL', 'MP2', 'Active', 'Science Park 105', NULL, 'Amsterdam', '1098 XG', 52.356, 4.951, 1536710400000),
    (46, 'Equinix PA2', 'par-pa2', 'Paris', NULL, 'FR', 'France', 'FR', 'MP2', 'Active', '114 Rue Ambroise Croizat', 'Saint-Denis', 'Paris', '93200', 48.923, 2.346, 1539302400000),
    (47, 'Telehouse Paris Voltaire', 'par-th2', 'Paris', NULL, 'FR', 'France', 'FR', 'MP2', 'Active', '137 Boulevard Voltaire', NULL, 'Paris', '75011', 48.857, 2.381, 1541894400000);

-- Inventory: 20 x 1G, 20 x 10G and 4 x 100G interfaces at every location.
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 20),
speeds(speed, label, cnt) AS (VALUES (1000, '1G', 20), (10000, '10G', 20), (100000, '100G', 4))
INSERT INTO interfaces (location_id, speed, name, create_date)
SELECT l.id, s.speed, upper(l.site_code) || '-' || s.label || '-' || lpad(n.k::text, 2, '0'), l.live_date
FROM locations l CROSS JOIN speeds s JOIN n ON n.k <= s.cnt
ORDER BY l.id, s.speed, n.k;

INSERT INTO internet_exchanges (name, description, metro, state, network_region, asn) VALUES
    ('Sydney IX', 'Sydney MegaIX', 'Sydney', 'NSW', 'MP1', 58941),
    ('Melbourne IX', 'Melbourne MegaIX', 'Melbourne', 'VIC', 'MP1', 58941),
    ('Brisbane IX', 'Brisbane MegaIX', 'Brisbane', 'QLD', 'MP1', 58941),
    ('Perth IX', 'Perth MegaIX', 'Perth', 'WA', 'MP1', 58941),
    ('Canberra IX', 'Canberra MegaIX', 'Canberra', 'ACT', 'MP1', 58941),
    ('Auckland IX', 'Auckland MegaIX', 'Auckland', NULL, 'MP1', 58941),
    ('Singapore IX', 'Singapore MegaIX', 'Singapore', NULL, 'MP1', 58941),
    ('Hong Kong IX', 'Hong Kong MegaIX', 'Hong Kong', NULL, 'MP1', 58941),
    ('JPNAP Tokyo', 'JPNAP Tokyo', 'Tokyo', NULL, 'MP1', 7527),
    ('Ashburn IX', 'Ashburn MegaIX', 'Ashburn', 'VA', 'MP1', 58941),
    ('Los Angeles IX', 'Los Angeles MegaIX', 'Los Angeles', 'CA', 'MP1', 58941),
    ('NYC IX', 'New York MegaIX', 'New York', 'NY', 'MP1', 58941),
    ('Dallas IX', 'Dallas MegaIX', 'Dallas', 'TX', 'MP1', 58941),
    ('Seattle IX', 'Seattle Internet Exchange', 'Seattle', 'WA', 'MP1', 33108),
    ('TorIX', 'Toronto Internet Exchange', 'Toronto', 'ON', 'MP1', 11670),
    ('LINX LON1', 'London Internet Exchange LON1', 'London', NULL, 'MP2', 8714),
    ('INEX LAN1', 'Internet Neutral Exchange Dublin', 'Dublin', NULL, 'MP2', 2128),
    ('DE-CIX Frankfurt', 'DE-CIX Frankfurt', 'Frankfurt', 'HE', 'MP2', 6695),
    ('AMS-IX', 'Amsterdam Internet Exchange', 'Amsterdam', 'NH', 'MP2', 6777),
    ('France-IX Paris', 'France-IX Paris', 'Paris', NULL, 'MP2', 51706),
    ('BBIX Osaka', 'BBIX Osaka', 'Osaka', NULL, 'MP1', 23640),
    ('SFMIX', 'San Francisco Metropolitan Internet Exchange', 'San Jose', 'CA', 'MP1', 12276),
    ('Chicago IX', 'Chicago MegaIX', 'Chicago', 'IL', 'MP1', 58941),
    ('Miami IX', 'Miami MegaIX', 'Miami', 'FL', 'MP1', 58941),
    ('VANIX', 'Vancouver Internet Exchange', 'Vancouver', 'BC', 'MP1', 36286),
    ('QIX', 'Quebec Internet Exchange', 'Montreal', 'QC', 'MP1', 53730);

-- Rows above were given explicit ids; identities continue after them.
SELECT setval(pg_get_serial_sequence('locations', 'id'), (SELECT max(id) FROM locations));
