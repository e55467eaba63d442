
¥ֲֵ¶נחלÙ׳אשÝֽµש 3.5.16€א לÙ׳אשÝֽµש(h08hB,memberID:17972519140695862508 alarm:NOSPACE B,memberID:17972519140695862508 alarm:CORRUPT H€ 