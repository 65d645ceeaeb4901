package datasense.agent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reading the day out of the date and timestamp texts that profiles and result tables carry. */
public final class Dates {

    private Dates() {
    }

    /** The day a text starts with ("2018-12-30", "2018-12-30 10:00:00"), or null when it names none. */
    public static LocalDate day(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
