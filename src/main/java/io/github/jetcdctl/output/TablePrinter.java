package io.github.jetcdctl.output;

/** Tables, which etcdctl draws only for cluster commands; key/value responses are not supported. */
final class TablePrinter implements Printer {
    private final Output out;

    TablePrinter(Output out) {
        this.out = out;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.TABLE;
    }
}
