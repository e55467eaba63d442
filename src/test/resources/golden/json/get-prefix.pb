
¥ÂÅ¶ŠğçŸìÙ×àùİÍµù
 
g/ÿş 
g/<&> *	v"\<>&
	
g/empty 
g/fresh

 *f&
g/longer-value-for-padding *ab
g/plain *value2
g/plain2		 *p20
g/utf8-Ã©âœ“ğŸ˜€ *line1
line2
0‡Ü²¥Ã¨öl 