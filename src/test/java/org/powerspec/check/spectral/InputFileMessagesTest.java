package org.powerspec.check.spectral;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powerspec.InvalidInputException;

/** Files that are not what they claim to be get one line in the user's terms, never a library's internal message. */
class InputFileMessagesTest {

    private static void assertUserLine(String message, String says) {
        assertTrue(message.contains(says), message);
        assertFalse(message.contains("\n"), message);
        for (String internal : new String[] {"org.powerspec", "coll", "Input length", "Cannot construct", "Exception"}) {
            assertFalse(message.contains(internal), message);
        }
    }

    @Test
    void aBinaryClaimFileIsNotText(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("binary.yaml");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28, 10});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClaimFile.read(f));
        assertUserLine(e.getMessage(), "is not a text file: a claim is YAML text in UTF-8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"coll\": 1}|has no whole-number \"format\" field",
            "[1, 2]|has no whole-number \"format\" field",
            "not json at all {|it is not JSON",
            "{\"format\": 1, \"claims\": []}|is a part file of format 1, written by an earlier powerspec",
            "{\"format\": 7, \"claims\": []}|format 7, which this powerspec does not know",
            "{\"format\": 2}|has no \"claims\" list",
            "{\"format\": 2, \"claims\": [{\"x\": 1}]}|is a damaged part file",
            "{\"format\": 2, \"claims\": [{\"file\": \"a.yaml\", \"yaml\": \"name: a\", \"tasks\": [], \"runs\": [{\"d\": \"x\"}]}]}|the field claims[0].runs[0].d is missing or of the wrong kind"})
    void aFileThatIsNotAPartIsOneLine(String json, String says, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("part.json");
        Files.writeString(f, json);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepPart.read(f));
        assertUserLine(e.getMessage(), says);
    }
}
