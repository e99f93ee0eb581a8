package io.huitong.remote;

import io.huitong.remote.RemoteRecords.Partner;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What each centre sees with its step of a remote evaluation: its own part only. */
@Component
public class RemoteStepGuide {

    private final RemoteEvaluations store;
    private final Centres centres;

    RemoteStepGuide(RemoteEvaluations store, Centres centres) {
        this.store = store;
        this.centres = centres;
    }

    /**
     * The explanation of a step (by its task definition key) of the evaluation, for the partner centre, venue or
     * seat the step is for; null for a step without one.
     */
    public String explain(String step, String evaluationId, String centre, String venueId, String seatId) {
        RemoteRecords.Evaluation e = store.get(evaluationId);
        String main = centres.get(e.mainCentre()).name();
        return switch (step) {
            case RemoteProcess.ANSWER_REQUEST -> {
                Partner p = store.partner(e.id(), centre);
                String terms = centres.agreement(e.mainCentre(), centre)
                        .map(a -> "每场 " + a.feePerSession().toPlainString() + " 元 + 每位专家 "
                                + a.feePerExpert().toPlainString() + " 元").orElse("无协作协议 no agreement");
                yield main + "请求贵中心作为副场 asks your centre to be a partner venue (J4)：评标开始 start "
                        + e.scheduledStart() + "，专业 " + e.speciality() + "，需专家席位 expert seats " + p.expertSeats()
                        + "；补偿 compensation：" + terms + "。\n请于 " + p.answerDue() + " 前答复，逾期视为拒绝 / Answer by then.\n"
                        + "本中心评标室 Your venues：\n" + centres.venues(centre).stream()
                                .map(v -> "· " + v.id() + " " + v.name() + "（" + v.seats() + " 席）")
                                .collect(Collectors.joining("\n"));
            }
            case RemoteProcess.PREPARE_VENUE -> {
                long seats = store.seats(e.id()).stream().filter(s -> s.venueId().equals(venueId) && s.isActive()).count();
                Centre.Venue v = centres.venue(venueId);
                yield "评标室 Venue " + centres.get(v.centreCode()).name() + " " + v.name() + "：准备 " + seats + " 个席位并检测视频链路；评标开始 "
                        + e.scheduledStart() + " / Prepare " + seats + " seats and check the video link (J5, J12)";
            }
            case RemoteProcess.SIGN_IN, RemoteProcess.SIGN_IN_REPLACEMENT -> {
                RemoteRecords.Seat seat = store.seat(seatId);
                yield "席位 Seat " + seat.seq() + "（" + (CommitteeDraw.EXPERT.equals(seat.role()) ? "评审专家 expert"
                        : "招标人代表 representative") + "），评标室 " + centres.venue(seat.venueId()).name()
                        + "。姓名在签到前保密：请核对其身份证后录入 / The name stays sealed until sign-in: check the ID card";
            }
            case RemoteProcess.LINK_DECISION -> "链路故障已超过开始时间后" + "2小时仍未排除：由招标人决定继续评标或推迟"
                    + "（推迟将封存资料、重新组建评标委员会）(J9; K9) / The link is still down 2 hours past the start: "
                    + "go on or postpone (a new committee)";
            case RemoteProcess.HAND_BACK -> {
                Partner p = store.partner(e.id(), centre);
                yield "请于 " + p.recordsDue() + " 前将纸质、电子和音视频资料移交" + main + "统一归档 (J7) / Hand the records "
                        + "to the main venue by then";
            }
            case RemoteProcess.ADD_PARTNERS -> "已请求的副场 Asked：" + store.partners(e.id()).stream()
                    .map(p -> p.centreCode() + " " + p.status()).collect(Collectors.joining("，"))
                    + "。请增加与本中心签有有效协作协议的副场 / Add partners with an agreement in force";
            default -> null;
        };
    }
}
