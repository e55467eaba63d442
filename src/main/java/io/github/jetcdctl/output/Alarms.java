package io.github.jetcdctl.output;

import io.etcd.jetcd.api.AlarmMember;

/** Alarm names by number: jetcd's AlarmType enum stops at NOSPACE, etcd 3.5 also raises CORRUPT. */
final class Alarms {
    private Alarms() {
    }

    /** The Go enum's String(): its name, or the number for a value it does not know. */
    static String typeName(int number) {
        return switch (number) {
            case 0 -> "NONE";
            case 1 -> "NOSPACE";
            case 2 -> "CORRUPT";
            default -> Integer.toString(number);
        };
    }

    /** gogo's compact text: each non-zero field as {@code name:value} followed by a space. */
    static String compactText(AlarmMember alarm) {
        StringBuilder text = new StringBuilder();
        if (alarm.getMemberID() != 0) {
            text.append("memberID:").append(Long.toUnsignedString(alarm.getMemberID())).append(' ');
        }
        if (alarm.getAlarmValue() != 0) {
            text.append("alarm:").append(typeName(alarm.getAlarmValue())).append(' ');
        }
        return text.toString();
    }
}
