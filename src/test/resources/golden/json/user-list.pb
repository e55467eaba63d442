
¥ÂÅ¶ŠğçŸìÙ×àùİÍµù a<b&c>Ã©
badÿşutfâ‚ctlrootsepâ€¨â€©"\/
tab	here
