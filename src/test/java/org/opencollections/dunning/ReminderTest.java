package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencollections.dunning.Reminder.Channel;
import org.opencollections.dunning.Reminder.Tone;

class ReminderTest {

  /** A row of the policy table: reminder after 7 days, firm, by email and call, offering a plan. */
  private static Map<String, Object> row() {
    Map<String, Object> row = new HashMap<>();
    row.put("daysOverdue", 7);
    row.put("tone", "firm");
    row.put("channels", "email, call");
    row.put("offerPlan", true);
    return row;
  }

  private static Map<String, Object> rowWith(String column, Object value) {
    Map<String, Object> row = row();
    row.put(column, value);
    return row;
  }

  @Test
  void rowOfThePolicyGivesTheReminder() {
    Reminder reminder = Reminder.fromPolicy(2, row());

    assertThat(reminder.number()).isEqualTo(2);
    assertThat(reminder.daysOverdue()).isEqualTo(7);
    assertThat(reminder.tone()).isEqualTo(Tone.FIRM);
    assertThat(reminder.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.CALL);
    assertThat(reminder.by(Channel.CALL)).isTrue();
    assertThat(reminder.by(Channel.LETTER)).isFalse();
    assertThat(reminder.offersPlan()).isTrue();
  }

  @Test
  void reminderOffersAPlanOnlyWhenTheRowSaysTrue() {
    assertThat(Reminder.fromPolicy(1, rowWith("offerPlan", false)).offersPlan()).isFalse();
    assertThat(Reminder.fromPolicy(1, rowWith("offerPlan", null)).offersPlan()).isFalse();
  }

  @Test
  void toneAndChannelsAreReadWhateverTheirCaseAndSeparator() {
    Map<String, Object> row = rowWith("tone", " Final ");
    row.put("channels", "LETTER;email + Call");

    Reminder reminder = Reminder.fromPolicy(3, row);

    assertThat(reminder.tone()).isEqualTo(Tone.FINAL);
    assertThat(reminder.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.LETTER, Channel.CALL);
  }

  @Test
  void reminderOnTheDueDateItselfIsAllowed() {
    assertThat(Reminder.fromPolicy(1, rowWith("daysOverdue", 0)).daysOverdue()).isZero();
  }

  @Test
  void eachToneHasItsMail() {
    assertThat(Tone.FRIENDLY.mail()).isEqualTo(DunningMail.OVERDUE_NOTICE);
    assertThat(Tone.FIRM.mail()).isEqualTo(DunningMail.SECOND_OVERDUE_NOTICE);
    assertThat(Tone.FINAL.mail()).isEqualTo(DunningMail.FINAL_NOTICE);
  }

  @Test
  void unknownToneIsRefusedNamingTheReminderAndTheColumn() {
    assertThatThrownBy(() -> Reminder.fromPolicy(2, rowWith("tone", "angry")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dunning policy, reminder 2: 'Tone' must be one of [friendly, firm, final], was 'angry'");
  }

  @Test
  void missingToneIsRefused() {
    assertThatThrownBy(() -> Reminder.fromPolicy(1, rowWith("tone", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reminder 1").hasMessageContaining("'Tone'");
  }

  @Test
  void unknownChannelIsRefusedNamingTheReminderAndTheColumn() {
    assertThatThrownBy(() -> Reminder.fromPolicy(3, rowWith("channels", "email, fax")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dunning policy, reminder 3: 'Channels' must be one of [email, letter, call], was 'fax'");
  }

  @Test
  void rowWithoutAChannelIsRefused() {
    assertThatThrownBy(() -> Reminder.fromPolicy(2, rowWith("channels", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dunning policy, reminder 2: 'Channels' must name at least one of email, letter, call");
    assertThatThrownBy(() -> Reminder.fromPolicy(2, rowWith("channels", " , ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reminder 2").hasMessageContaining("'Channels'");
  }

  @Test
  void negativeOrMissingDaysOverdueIsRefused() {
    assertThatThrownBy(() -> Reminder.fromPolicy(4, rowWith("daysOverdue", -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dunning policy, reminder 4: 'Days overdue' must be a whole number of 0 or more, was -1");
    Map<String, Object> noDays = row();
    noDays.remove("daysOverdue");
    assertThatThrownBy(() -> Reminder.fromPolicy(4, noDays))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dunning policy, reminder 4: 'Days overdue' must be a whole number of 0 or more, was null");
  }

  @Test
  void daysOverdueAsTextIsRefused() {
    assertThatThrownBy(() -> Reminder.fromPolicy(1, rowWith("daysOverdue", "7")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reminder 1").hasMessageContaining("'Days overdue'");
  }
}
