package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.core.ProfileSummary;
import dev.hermes.supervision.GatewayOverview;
import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.ServiceManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One profile of {@code profile list}: its files, read once, and its gateway's row built from that
 * same read, so the port and {@code bad-config} of both agree.
 */
record ProfileListRow(ProfileSummary profile, GatewayOverview gateway) {
  /** A row per profile, in order; the statuses from one {@link ServiceManager#statusAll} call. */
  static List<ProfileListRow> of(List<Profile> profiles, ServiceManager manager) {
    List<ProfileSummary> read = profiles.stream().map(ProfileSummary::of).toList();
    List<GatewayStatus> statuses = manager.statusAll(profiles.stream().map(Profile::name).toList());
    List<ProfileListRow> rows = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      rows.add(
          new ProfileListRow(
              read.get(i), GatewayOverview.of(read.get(i), statuses.get(i), manager)));
    }
    return rows;
  }

  /** The profile's fields, then the gateway's {@code actual} and {@code reason}. */
  Map<String, Object> toJson() {
    Map<String, Object> json = profile.toJson();
    json.put("actual", gateway.actual().word());
    json.put("reason", gateway.reason());
    return json;
  }
}
