package io.glasslink.link.control;

import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkState;
import io.glasslink.link.UnknownNameException;
import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.InvalidSettingException;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import io.glasslink.link.paths.SettingsChange;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Translates the control API to calls on the {@link LinkSimulator}; every change answers the new state. */
@RestController
public class LinkControlController {

    private final LinkSimulator simulator;

    LinkControlController(LinkSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/state")
    LinkState state() {
        return simulator.state();
    }

    @GetMapping("/profiles")
    ProfilesView profiles() {
        return new ProfilesView(simulator.state().profile(), simulator.profileNames());
    }

    @PostMapping("/profiles/{name}")
    LinkState applyProfile(@PathVariable String name) {
        simulator.applyProfile(name);
        return simulator.state();
    }

    @PostMapping("/restore")
    LinkState restore() {
        simulator.restore();
        return simulator.state();
    }

    @PatchMapping("/paths/{path}/directions/{direction}")
    LinkState change(@PathVariable String path, @PathVariable String direction, @RequestBody SettingsChange change) {
        PathId id = path(path);
        if (change.latencyMs() == null && change.jitterMs() == null && change.bandwidthMbps() == null
                && change.limitDataBytes() == null && change.slowCloseMs() == null) {
            throw new InvalidSettingException("no setting given: use latencyMs, jitterMs, bandwidthMbps, "
                    + "limitDataBytes or slowCloseMs");
        }
        for (Direction d : directions(direction)) {
            simulator.change(id, d, change);
        }
        return simulator.state();
    }

    @PutMapping("/paths/{path}/outage")
    LinkState outage(@PathVariable String path, @RequestBody OutageRequest request) {
        PathId id = path(path);
        OutageMode mode = outageMode(request.mode());
        if (request.direction() == null || "both".equals(request.direction())) {
            simulator.outage(id, mode);
        } else {
            simulator.outage(id, Direction.fromWireName(request.direction()).orElseThrow(() -> new InvalidSettingException(
                    "direction must be to-onprem, to-cloud or both, was " + request.direction())), mode);
        }
        return simulator.state();
    }

    @DeleteMapping("/paths/{path}/outage")
    LinkState endOutage(@PathVariable String path) {
        simulator.outage(path(path), OutageMode.NONE);
        return simulator.state();
    }

    @PostMapping("/paths/{path}/reset-connections")
    ResetResult reset(@PathVariable String path) {
        return new ResetResult(path, simulator.resetConnections(path(path)));
    }

    private static PathId path(String name) {
        return PathId.fromWireName(name)
                .orElseThrow(() -> new UnknownNameException("unknown path " + name + "; use direct-connect or vpn"));
    }

    private static List<Direction> directions(String name) {
        if ("both".equals(name)) {
            return List.of(Direction.values());
        }
        return List.of(Direction.fromWireName(name).orElseThrow(
                () -> new UnknownNameException("unknown direction " + name + "; use to-onprem, to-cloud or both")));
    }

    private static OutageMode outageMode(String mode) {
        if (mode != null) {
            for (OutageMode m : OutageMode.values()) {
                if (m.name().equals(mode.toUpperCase(Locale.ROOT))) {
                    return m;
                }
            }
        }
        throw new InvalidSettingException("mode must be refuse, blackhole or none, was " + mode);
    }
}
