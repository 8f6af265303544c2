#!/usr/bin/env python3
"""Generates centres.csv: the network's 450 service centres, deterministically (fixed seed).

Reference data, not code: each service that needs it keeps its own copy of the CSV
(supply-chain, planning, booking-web). Re-run only to change the network; then copy it again.
"""
import random

# departement code, prefecture, approximate latitude, longitude, weight (rough population share)
DEPTS = """01 Bourg-en-Bresse 46.205 5.225 3
02 Laon 49.564 3.620 3
03 Moulins 46.566 3.333 2
04 Digne-les-Bains 44.092 6.236 1
05 Gap 44.559 6.079 1
06 Nice 43.710 7.262 6
07 Privas 44.735 4.599 2
08 Charleville-Mezieres 49.773 4.720 2
09 Foix 42.965 1.607 1
10 Troyes 48.297 4.074 2
11 Carcassonne 43.212 2.353 2
12 Rodez 44.350 2.575 2
13 Marseille 43.296 5.370 10
14 Caen 49.182 -0.370 4
15 Aurillac 44.926 2.440 1
16 Angouleme 45.648 0.156 2
17 La-Rochelle 46.160 -1.151 4
18 Bourges 47.081 2.399 2
19 Tulle 45.267 1.771 1
20 Ajaccio 41.919 8.738 2
21 Dijon 47.322 5.041 3
22 Saint-Brieuc 48.514 -2.765 3
23 Gueret 46.171 1.871 1
24 Perigueux 45.184 0.721 2
25 Besancon 47.238 6.024 3
26 Valence 44.933 4.892 3
27 Evreux 49.024 1.151 3
28 Chartres 48.446 1.489 2
29 Quimper 47.996 -4.102 4
30 Nimes 43.837 4.360 4
31 Toulouse 43.605 1.444 7
32 Auch 43.646 0.586 1
33 Bordeaux 44.838 -0.579 8
34 Montpellier 43.611 3.877 6
35 Rennes 48.117 -1.678 5
36 Chateauroux 46.810 1.691 1
37 Tours 47.394 0.685 3
38 Grenoble 45.188 5.724 6
39 Lons-le-Saunier 46.675 5.555 1
40 Mont-de-Marsan 43.890 -0.500 2
41 Blois 47.586 1.336 2
42 Saint-Etienne 45.440 4.387 4
43 Le-Puy-en-Velay 45.043 3.885 1
44 Nantes 47.218 -1.554 7
45 Orleans 47.903 1.909 3
46 Cahors 44.448 1.441 1
47 Agen 44.203 0.616 2
48 Mende 44.518 3.500 1
49 Angers 47.478 -0.563 4
50 Saint-Lo 49.116 -1.091 3
51 Chalons-en-Champagne 48.957 4.365 3
52 Chaumont 48.111 5.139 1
53 Laval 48.073 -0.770 2
54 Nancy 48.692 6.184 4
55 Bar-le-Duc 48.773 5.160 1
56 Vannes 47.658 -2.760 4
57 Metz 49.119 6.176 5
58 Nevers 46.990 3.159 1
59 Lille 50.629 3.057 12
60 Beauvais 49.430 2.081 4
61 Alencon 48.432 0.091 2
62 Arras 50.291 2.777 7
63 Clermont-Ferrand 45.778 3.087 3
64 Pau 43.295 -0.371 3
65 Tarbes 43.233 0.078 1
66 Perpignan 42.699 2.895 2
67 Strasbourg 48.573 7.752 5
68 Colmar 48.079 7.358 4
69 Lyon 45.764 4.836 9
70 Vesoul 47.622 6.155 1
71 Macon 46.307 4.828 3
72 Le-Mans 48.006 0.199 3
73 Chambery 45.564 5.918 2
74 Annecy 45.899 6.129 4
75 Paris 48.857 2.352 10
76 Rouen 49.443 1.100 6
77 Melun 48.540 2.660 7
78 Versailles 48.804 2.130 7
79 Niort 46.323 -0.465 2
80 Amiens 49.894 2.296 3
81 Albi 43.929 2.148 2
82 Montauban 44.018 1.355 1
83 Toulon 43.124 5.928 5
84 Avignon 43.949 4.806 3
85 La-Roche-sur-Yon 46.670 -1.426 3
86 Poitiers 46.580 0.340 2
87 Limoges 45.834 1.261 2
88 Epinal 48.173 6.450 2
89 Auxerre 47.798 3.567 2
90 Belfort 47.640 6.863 1
91 Evry 48.629 2.441 7
92 Nanterre 48.892 2.207 8
93 Bobigny 48.908 2.440 8
94 Creteil 48.790 2.455 7
95 Cergy 49.036 2.076 6"""

TOTAL_CENTRES, TOTAL_VANS = 450, 700
rnd = random.Random(20261128)
depts = [l.split() for l in DEPTS.splitlines()]
weights = {d[0]: int(d[4]) for d in depts}
wsum = sum(weights.values())
# every departement gets at least one centre, the rest by weight (largest remainder)
alloc = {d: 1 for d in weights}
rest = TOTAL_CENTRES - len(alloc)
shares = {d: rest * w / wsum for d, w in weights.items()}
for d in alloc: alloc[d] += int(shares[d])
left = TOTAL_CENTRES - sum(alloc.values())
for d in sorted(shares, key=lambda d: shares[d] - int(shares[d]), reverse=True)[:left]: alloc[d] += 1
assert sum(alloc.values()) == TOTAL_CENTRES

rows, n = [], 0
for code, city, lat, lon, _ in depts:
    for k in range(alloc[code]):
        n += 1
        clat = round(float(lat) + (rnd.uniform(-0.35, 0.35) if k else 0), 5)
        clon = round(float(lon) + (rnd.uniform(-0.45, 0.45) if k else 0), 5)
        postcode = f"{code}{(k * 10 + (0 if k == 0 else rnd.randint(1, 89) * 10)) % 1000:03d}"
        name = f"{city.replace('-', ' ')}" + ("" if k == 0 else f" {k + 1}")
        rows.append([f"C{n:03d}", f"glasslink {name}", postcode, city.replace('-', ' '), code, clat, clon, 0])
# vans: 700 over the centres, at most 3 per centre, bigger departements first
order = sorted(range(len(rows)), key=lambda i: (-weights[rows[i][4]], rnd.random()))
vans, i = 0, 0
while vans < TOTAL_VANS:
    r = rows[order[i % len(order)]]
    if r[7] < 3:
        r[7] += 1; vans += 1
    i += 1
with open("centres.csv", "w") as f:
    f.write("centre_id,name,postcode,city,departement,latitude,longitude,vans\n")
    for r in rows: f.write(",".join(str(x) for x in r) + "\n")
print(len(rows), "centres,", sum(r[7] for r in rows), "vans")
